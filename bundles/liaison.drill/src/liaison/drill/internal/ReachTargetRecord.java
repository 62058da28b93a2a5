package liaison.drill.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import liaison.drill.ReachDrill;

/** One team challenged in a round. */
@Entity
@Table(name = "DRILL_REACH_TARGET")
public class ReachTargetRecord {

    @Id
    @Column(name = "TOKEN", length = 64)
    String token;
    @Column(name = "ROUND_ID", length = 40, nullable = false)
    String roundId;
    @Column(name = "TEAM", length = 200, nullable = false)
    String team;
    @Column(name = "ADDRESS", length = 254)
    String address;
    @Column(name = "MESSAGE_ID", length = 250)
    String messageId;
    @Column(name = "SENT_AT")
    Instant sentAt;
    @Column(name = "STATUS", length = 16, nullable = false)
    String status;
    @Column(name = "ANSWERED_AT")
    Instant answeredAt;
    @Column(name = "NOTE", length = 1000)
    String note;

    protected ReachTargetRecord() {
    }

    ReachTargetRecord(String token, String roundId, String team, String address, ReachDrill.Status status, String note) {
        this.token = token;
        this.roundId = roundId;
        this.team = team.length() <= 200 ? team : team.substring(0, 200);
        this.address = address;
        this.status = status.name();
        note(note);
    }

    void note(String text) {
        note = text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    ReachDrill.Status status() {
        return ReachDrill.Status.valueOf(status);
    }

    ReachDrill.Target target() {
        return new ReachDrill.Target(team, address, token, sentAt, status(), answeredAt, note);
    }
}
