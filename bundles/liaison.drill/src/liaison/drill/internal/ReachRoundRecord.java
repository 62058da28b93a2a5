package liaison.drill.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A reachability drill round. */
@Entity
@Table(name = "DRILL_REACH_ROUND")
public class ReachRoundRecord {

    @Id
    @Column(name = "ID", length = 40)
    String id;
    @Column(name = "STARTED_AT", nullable = false)
    Instant started;
    @Column(name = "DEADLINE_AT", nullable = false)
    Instant deadline;
    @Column(name = "FILTER_TEXT", length = 1000)
    String filter;

    protected ReachRoundRecord() {
    }

    ReachRoundRecord(String id, Instant started, Instant deadline, String filter) {
        this.id = id;
        this.started = started;
        this.deadline = deadline;
        this.filter = filter == null || filter.length() <= 1000 ? filter : filter.substring(0, 1000);
    }
}
