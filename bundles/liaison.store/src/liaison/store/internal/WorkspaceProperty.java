package liaison.store.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A key/value fact about the workspace (when it was created, by which version). */
@Entity
@Table(name = "LIAISON_PROPERTY")
public class WorkspaceProperty {

    @Id
    @Column(name = "PROP_KEY", length = 128)
    private String key;

    @Column(name = "PROP_VALUE", length = 4000)
    private String value;

    @Column(name = "UPDATED_AT")
    private Instant updatedAt;

    protected WorkspaceProperty() {
    }

    WorkspaceProperty(String key, String value, Instant updatedAt) {
        this.key = key;
        this.value = value;
        this.updatedAt = updatedAt;
    }

    String key() {
        return key;
    }

    String value() {
        return value;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    void update(String newValue, Instant at) {
        value = newValue;
        updatedAt = at;
    }
}
