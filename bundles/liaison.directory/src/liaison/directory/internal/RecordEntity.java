package liaison.directory.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * What one source said about one team, as last read. Kept when the source drops the team
 * ({@code present} false), so the team's last known values and history stay.
 */
@Entity
@Table(name = "DIR_RECORD")
public class RecordEntity {

    @Id
    @Column(name = "ID")
    long id;

    @Column(name = "TEAM_ID", nullable = false)
    long teamId;

    @Column(name = "SOURCE_ID", length = 512, nullable = false)
    String sourceId;

    @Column(name = "SOURCE_KEY", length = 512, nullable = false)
    String sourceKey;

    @Column(name = "LOCATION", length = 4000)
    String location;

    @Lob
    @Column(name = "TEAM_JSON", nullable = false)
    String teamJson;

    /** When the record's content last changed: the import time of its values. */
    @Column(name = "IMPORTED_AT", nullable = false)
    Instant importedAt;

    /** When a snapshot last listed it. */
    @Column(name = "SEEN_AT", nullable = false)
    Instant seenAt;

    @Column(name = "PRESENT", nullable = false)
    boolean present;

    protected RecordEntity() {
    }

    RecordEntity(long id, long teamId, String sourceId, String sourceKey) {
        this.id = id;
        this.teamId = teamId;
        this.sourceId = sourceId;
        this.sourceKey = sourceKey;
    }
}
