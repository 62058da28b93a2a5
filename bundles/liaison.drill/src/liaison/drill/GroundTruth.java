package liaison.drill;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import liaison.api.InputException;
import liaison.api.model.Resource;
import liaison.simnet.ScenarioPack;

/**
 * The trainer's answers of a scenario ({@code truth.json}): for each attacking source, the team to
 * tell, by which channel and why, and the tempting wrong answers.
 *
 * @param tasks the tasks, in the order trainees see them
 */
public record GroundTruth(List<Task> tasks) {

    public GroundTruth {
        tasks = List.copyOf(tasks);
    }

    /**
     * One attacking source and the right contact for it.
     *
     * @param id          task id ({@code T01})
     * @param resource    the source as the logs name it, canonical ({@code 2001:db8:1000::25}, {@code bank-verify.example})
     * @param network     the registry object holding it, as the registry writes its key ({@code 192.0.2.0 - 192.0.2.31})
     * @param registry    where its data lives ({@code ripe}, {@code jpnic}, a TLD's registry)
     * @param kind        what the task practises ({@code irt-covered}, {@code transferred}, ...)
     * @param team        the team to tell
     * @param role        its role, as Liaison names roles ({@code irt}, {@code abuse}, {@code national-csirt}, ...)
     * @param channel     the channel to use ({@code email})
     * @param emails      the right addresses of that team
     * @param explanation why, for the debrief
     * @param traps       wrong answers trainees fall for, with why they are wrong
     */
    public record Task(String id, String resource, String network, String registry, String kind, String team, String role, String channel,
            List<String> emails, String explanation, List<Trap> traps) {

        public Task {
            emails = emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).toList();
            traps = List.copyOf(traps);
        }

        /** True when the contact is one of the right addresses (case-insensitive). */
        public boolean expects(String contact) {
            return contact != null && emails.contains(contact.strip().toLowerCase(Locale.ROOT));
        }

        /** Why a wrong answer is wrong, when it is a known trap; else null. */
        public String trap(String contact) {
            return contact == null ? null : traps.stream().filter(t -> t.email().equalsIgnoreCase(contact.strip())).map(Trap::why)
                    .findFirst().orElse(null);
        }
    }

    /** A wrong answer and why it is wrong. */
    public record Trap(String email, String why) {
    }

    /** Reads the pack's {@code truth.json}, naming the task of anything it cannot use. */
    public static GroundTruth read(ScenarioPack pack) throws InputException {
        Path file = pack.truth();
        JsonNode root = ScenarioPack.json(file);
        List<Task> tasks = new ArrayList<>();
        int n = 0;
        for (JsonNode t : root.path("tasks")) {
            n++;
            String id = t.path("id").asText("#" + n);
            JsonNode expected = t.path("expected");
            List<String> emails = new ArrayList<>();
            expected.path("emails").forEach(e -> emails.add(e.asText()));
            String resource;
            try {
                resource = Resource.parse(t.path("resource").asText("")).text();
            } catch (IllegalArgumentException e) {
                throw new InputException(file.toString(), 0, 0, "task " + id + ": " + e.getMessage());
            }
            if (emails.isEmpty()) {
                throw new InputException(file.toString(), 0, 0, "task " + id + ": expected.emails names no address");
            }
            List<Trap> traps = new ArrayList<>();
            t.path("traps").forEach(x -> traps.add(new Trap(x.path("email").asText(), x.path("why").asText())));
            tasks.add(new Task(id, resource, t.path("network").asText(null), t.path("registry").asText(null), t.path("case").asText(null),
                    expected.path("team").asText(null), expected.path("role").asText(null), expected.path("channel").asText("email"),
                    emails, t.path("explanation").asText(null), traps));
        }
        if (tasks.isEmpty()) {
            throw new InputException(file.toString(), 0, 0, "no tasks");
        }
        return new GroundTruth(tasks);
    }
}
