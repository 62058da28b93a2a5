package liaison.directory.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A coordinator's decision that two teams are distinct (smaller id first). */
@Entity
@Table(name = "DIR_MATCH_DECISION")
public class MatchDecisionEntity {

    @Id
    @Column(name = "ID")
    long id;

    @Column(name = "TEAM_A", nullable = false)
    long teamA;

    @Column(name = "TEAM_B", nullable = false)
    long teamB;

    @Column(name = "DECIDED_AT", nullable = false)
    Instant decidedAt;

    protected MatchDecisionEntity() {
    }

    MatchDecisionEntity(long id, long a, long b, Instant decidedAt) {
        this.id = id;
        this.teamA = Math.min(a, b);
        this.teamB = Math.max(a, b);
        this.decidedAt = decidedAt;
    }
}
