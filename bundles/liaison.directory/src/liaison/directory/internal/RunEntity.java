package liaison.directory.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** The log of applied snapshots: what each import or sync changed. */
@Entity
@Table(name = "DIR_RUN")
public class RunEntity {

    @Id
    @Column(name = "ID")
    long id;

    @Column(name = "SOURCE_ID", length = 512, nullable = false)
    String sourceId;

    @Column(name = "LOCATION", length = 4000)
    String location;

    @Column(name = "MADE_AT", nullable = false)
    Instant madeAt;

    @Column(name = "ADDED", nullable = false)
    int added;

    @Column(name = "CHANGED", nullable = false)
    int changed;

    @Column(name = "REMOVED", nullable = false)
    int removed;

    @Column(name = "UNCHANGED", nullable = false)
    int unchanged;

    @Column(name = "CONFLICTS", nullable = false)
    int conflicts;

    @Lob
    @Column(name = "WARNINGS")
    String warnings;

    protected RunEntity() {
    }

    RunEntity(long id, String sourceId, String location, Instant madeAt) {
        this.id = id;
        this.sourceId = sourceId;
        this.location = location;
        this.madeAt = madeAt;
    }
}
