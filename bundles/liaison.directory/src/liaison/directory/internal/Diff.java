package liaison.directory.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import liaison.directory.DirectoryTeam;
import liaison.directory.Field;
import liaison.directory.FieldOverride;

/** What differs between two versions of a team, one line per field, as history and sync summaries show it. */
final class Diff {

    private Diff() {
    }

    /** Lines such as {@code email: a@x → b@x}; for a new team ({@code before} null) every known field. */
    static List<String> changes(DirectoryTeam before, DirectoryTeam after) {
        List<String> out = new ArrayList<>();
        if (before != null && before.status() != after.status()) {
            out.add("status: " + before.status().id() + " \u2192 " + after.status().id());
        }
        for (Field f : Field.values()) {
            String a = before == null ? "" : f.text(before.team());
            String b = f.text(after.team());
            if (a.equals(b)) {
                continue;
            }
            if (a.isEmpty()) {
                out.add(f.id() + ": " + oneLine(b));
            } else if (b.isEmpty()) {
                out.add(f.id() + ": " + oneLine(a) + " \u2192 (none)");
            } else {
                out.add(f.id() + ": " + oneLine(a) + " \u2192 " + oneLine(b));
            }
        }
        for (FieldOverride o : after.overrides()) {
            FieldOverride old = before == null ? null : before.override(o.field());
            if (old == null) {
                out.add("override " + o.field().cliName() + " set: " + String.join(", ", o.values()));
            } else if (o.conflict() && !Objects.equals(old.conflictText(), o.conflictText())) {
                out.add("override " + o.field().cliName() + " in conflict: " + o.conflictText());
            }
        }
        if (before != null) {
            for (FieldOverride o : before.overrides()) {
                if (after.override(o.field()) == null) {
                    out.add("override " + o.field().cliName() + " removed");
                }
            }
        }
        return out;
    }

    private static String oneLine(String s) {
        return s.replace("\r", "").replace("\n", " / ");
    }
}
