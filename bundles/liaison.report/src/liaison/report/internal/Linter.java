package liaison.report.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import liaison.api.model.Resource;
import liaison.api.report.Evidence;
import liaison.api.report.Report;
import liaison.report.ComposeOptions;
import liaison.report.LintFinding;
import liaison.report.LintFinding.Severity;

/**
 * What makes receivers ask back or ignore a report (the intake rules of CESNET and Janet CSIRT,
 * ENISA's exercise): times without zone, no raw log line, registry or traceroute output pasted in
 * place of evidence, more addresses than the receiver accepts in one report, no requested action,
 * no signature, a webhook recipient without TLS.
 */
final class Linter {

    /** Lines of whois output (RIPE-style RPSL, ARIN) that have no place in a report. */
    private static final Pattern WHOIS = Pattern.compile(
            "(?m)^(% (This is the RIPE Database|Information related to|Abuse contact for|Note: this output)|#\\s*ARIN WHOIS"
                    + "|(inetnum|inet6num|netname|descr|mnt-by|admin-c|tech-c|abuse-c|NetRange|CIDR|OrgName|OrgAbuseEmail|NetHandle):\\s)");
    private static final Pattern TRACEROUTE = Pattern.compile(
            "(?m)^(traceroute6? to \\S+|\\s*\\d{1,2}\\s+(\\S+\\s+)?\\(?\\d{1,3}(\\.\\d{1,3}){3}\\)?(\\s+[\\d.]+ ms)+)");

    List<LintFinding> lint(Report report, ComposeOptions options) {
        List<LintFinding> out = new ArrayList<>();
        List<Evidence> evidence = report.evidence();
        if (evidence.isEmpty()) {
            out.add(new LintFinding(Severity.ERROR, "no-evidence", "the report holds no evidence", -1));
        }
        int noZone = 0, firstNoZone = -1, noRaw = 0, firstNoRaw = -1;
        for (int i = 0; i < evidence.size(); i++) {
            Evidence e = evidence.get(i);
            if (e.observed() == null || !e.zoneKnown()) {
                noZone++;
                firstNoZone = firstNoZone < 0 ? i : firstNoZone;
            }
            if (e.line() == null || e.line().isBlank()) {
                noRaw++;
                firstNoRaw = firstNoRaw < 0 ? i : firstNoRaw;
            }
        }
        if (noZone > 0) {
            out.add(new LintFinding(Severity.WARNING, "no-timezone", noZone + " of " + evidence.size()
                    + " evidence lines have no time or no time zone; the receiver cannot match them to their logs", firstNoZone));
        }
        if (noRaw > 0) {
            out.add(new LintFinding(Severity.WARNING, "no-raw-evidence", noRaw + " of " + evidence.size()
                    + " evidence lines have no raw log line (IntelMQ field raw)", firstNoRaw));
        }
        String prose = report.description() + "\n" + (report.requestedAction() == null ? "" : report.requestedAction());
        check(out, WHOIS, "pasted-whois", "whois output pasted in", prose, evidence);
        check(out, TRACEROUTE, "pasted-traceroute", "traceroute output pasted in", prose, evidence);
        long addresses = report.resources().stream().filter(r -> r.kind() == Resource.Kind.IP).count();
        if (addresses > options.maxAddressesPerReport()) {
            out.add(new LintFinding(Severity.WARNING, "too-many-addresses", "the report lists " + addresses
                    + " addresses; the recipient accepts at most " + options.maxAddressesPerReport()
                    + " per report (group by source, or split it)", -1));
        }
        if (report.requestedAction() == null || report.requestedAction().isBlank()) {
            out.add(new LintFinding(Severity.ERROR, "no-action", "the report does not say what the recipient should do", -1));
        }
        for (String url : Recipients.urls(report.recipients())) {
            if (url.regionMatches(true, 0, "http://", 0, 7)) {
                out.add(new LintFinding(Severity.WARNING, "cleartext-recipient", "the report is posted to " + url
                        + " without TLS; anyone on the path can read it (use https)", -1));
            }
        }
        if (!options.sign()) {
            out.add(new LintFinding(Severity.WARNING, "unsigned", "the report is not signed; the receiver cannot trust it", -1));
        }
        return out;
    }

    /** Flags the pattern when it matches at least two lines: one could be a quoted field, two are pasted output. */
    private static void check(List<LintFinding> out, Pattern pattern, String code, String what, String prose, List<Evidence> evidence) {
        if (count(pattern, prose) >= 2) {
            out.add(new LintFinding(Severity.WARNING, code, what + " in the text; give the evidence itself", -1));
            return;
        }
        for (int i = 0; i < evidence.size(); i++) {
            String line = evidence.get(i).line();
            if (line != null && count(pattern, line) >= 2) {
                out.add(new LintFinding(Severity.WARNING, code, what + " as evidence line " + (i + 1)
                        + "; give the log line of the incident instead", i));
                return;
            }
        }
    }

    private static int count(Pattern pattern, String text) {
        int n = 0;
        for (var m = pattern.matcher(text); m.find();) {
            n++;
        }
        return n;
    }
}
