package liaison.directory.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** One version of a team's merged view; never changed once written. */
@Entity
@Table(name = "DIR_REVISION")
public class RevisionEntity {

    @Id
    @Column(name = "ID")
    long id;

    @Column(name = "TEAM_ID", nullable = false)
    long teamId;

    @Column(name = "REVISION", nullable = false)
    int revision;

    @Column(name = "MADE_AT", nullable = false)
    Instant madeAt;

    @Column(name = "CAUSE", length = 4000, nullable = false)
    String cause;

    @Lob
    @Column(name = "VIEW_JSON", nullable = false)
    String viewJson;

    protected RevisionEntity() {
    }

    RevisionEntity(long id, long teamId, int revision, Instant madeAt, String cause, String viewJson) {
        this.id = id;
        this.teamId = teamId;
        this.revision = revision;
        this.madeAt = madeAt;
        this.cause = cause;
        this.viewJson = viewJson;
    }
}
