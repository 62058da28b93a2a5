package liaison.directory.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A team of the directory with its current merged view (the JSON of its latest revision). */
@Entity
@Table(name = "DIR_TEAM")
public class TeamEntity {

    @Id
    @Column(name = "ID")
    long id;

    @Column(name = "SHORT_NAME", length = 512)
    String shortName;

    /** Lower-case short name, for look-ups by name. */
    @Column(name = "NAME_KEY", length = 512)
    String nameKey;

    @Column(name = "COUNTRY", length = 8)
    String country;

    @Column(name = "CLASSIFICATION", length = 16)
    String classification;

    @Column(name = "STATUS", length = 16, nullable = false)
    String status;

    @Column(name = "MERGED_INTO")
    Long mergedInto;

    @Column(name = "REVISION", nullable = false)
    int revision;

    @Column(name = "CREATED_AT", nullable = false)
    Instant createdAt;

    @Column(name = "CHANGED_AT", nullable = false)
    Instant changedAt;

    @Lob
    @Column(name = "VIEW_JSON", nullable = false)
    String viewJson;

    protected TeamEntity() {
    }

    TeamEntity(long id, Instant createdAt) {
        this.id = id;
        this.createdAt = createdAt;
        this.changedAt = createdAt;
        this.status = "active";
    }
}
