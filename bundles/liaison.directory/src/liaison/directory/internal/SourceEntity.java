package liaison.directory.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A source {@code directory sync} reads. */
@Entity
@Table(name = "DIR_SOURCE")
public class SourceEntity {

    @Id
    @Column(name = "ID")
    long id;

    @Column(name = "SOURCE_ID", length = 128, nullable = false)
    String sourceId;

    @Column(name = "LOCATION", length = 4000, nullable = false)
    String location;

    @Lob
    @Column(name = "KEY_PEM")
    String keyPem;

    @Column(name = "ADDED_AT", nullable = false)
    Instant addedAt;

    @Column(name = "LAST_RUN")
    Instant lastRun;

    @Column(name = "LAST_RESULT", length = 4000)
    String lastResult;

    protected SourceEntity() {
    }

    SourceEntity(long id, String sourceId, String location, String keyPem, Instant addedAt) {
        this.id = id;
        this.sourceId = sourceId;
        this.location = location;
        this.keyPem = keyPem;
        this.addedAt = addedAt;
    }
}
