package liaison.directory.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A coordinator's value for one field of one team; only the coordinator changes or removes it. */
@Entity
@Table(name = "DIR_OVERRIDE")
public class OverrideEntity {

    @Id
    @Column(name = "ID")
    long id;

    @Column(name = "TEAM_ID", nullable = false)
    long teamId;

    @Column(name = "FIELD", length = 64, nullable = false)
    String field;

    /** The value as typed (list fields: comma-separated). */
    @Column(name = "FIELD_VALUE", length = 4000, nullable = false)
    String value;

    /** What the sources said when the override was set; a later difference is a conflict. */
    @Column(name = "BASELINE", length = 4000, nullable = false)
    String baseline;

    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;

    protected OverrideEntity() {
    }

    OverrideEntity(long id, long teamId, String field) {
        this.id = id;
        this.teamId = teamId;
        this.field = field;
    }
}
