package liaison.whois.internal;

import java.util.List;
import java.util.regex.Pattern;

import liaison.api.InputException;
import liaison.api.whois.WhoisObject;
import liaison.whois.Registry;
import liaison.whois.WhoisAnswer;
import liaison.whois.WhoisResponse;

/** Chooses the reader an answer needs and runs it. */
public final class Readers {

    private static final Pattern ARIN = Pattern.compile("(?m)^(NetRange|ASNumber|OrgName|CustName):");
    private static final Pattern JPNIC = Pattern.compile("(?m)^\\s*(?:[a-z]\\.\\s*)?\\[(Network Number|JPNIC Handle|AS Number|"
            + "\u30cd\u30c3\u30c8\u30ef\u30fc\u30af\u756a\u53f7|JPNIC\u30cf\u30f3\u30c9\u30eb)\\]|\\[ JPNIC database");
    private static final Pattern KRNIC = Pattern.compile("KISA/KRNIC|KRNIC is not an ISP|\\[ Network Information \\]");
    private static final Pattern RWHOIS = Pattern.compile("(?mi)^%rwhois|^network:[A-Za-z-]+:");
    private static final Pattern DOMAIN = Pattern.compile("(?mi)^\\s*Domain Name:");

    private Readers() {
    }

    public static WhoisAnswer read(WhoisResponse response, Registry registry) throws InputException {
        AnswerBuilder answer = new AnswerBuilder(response, registry);
        String text = response.text();
        if (registry == Registry.JPNIC || JPNIC.matcher(text).find()) {
            NirAnswers.readJpnic(answer);
        } else if (registry == Registry.KRNIC || KRNIC.matcher(text).find()) {
            NirAnswers.readKrnic(answer);
        } else if (registry == Registry.ARIN || ARIN.matcher(text).find()) {
            ArinAnswers.read(answer);
        } else if (response.server().rwhois() || RWHOIS.matcher(text).find()) {
            KeyValueAnswers.readRwhois(answer);
        } else if (registry == Registry.OTHER && DOMAIN.matcher(text).find()) {
            KeyValueAnswers.readDomain(answer);
        } else {
            RpslAnswers.read(answer);
        }
        if (!text.isEmpty() && !text.endsWith("\n")) {
            answer.warnings.add(response.server() + " ended its answer in the middle of a line; it may be cut short");
        }
        return answer.build();
    }

    /** Reads an answer from the RPSL objects an extension translated it into; the response stays the evidence. */
    public static WhoisAnswer read(WhoisResponse response, Registry registry, List<WhoisObject> objects) throws InputException {
        StringBuilder rpsl = new StringBuilder();
        for (WhoisObject o : objects) {
            for (WhoisObject.Attribute a : o.attributes()) {
                rpsl.append(a.name()).append(": ").append(a.value()).append('\n');
            }
            rpsl.append('\n');
        }
        AnswerBuilder answer = new AnswerBuilder(response, registry);
        RpslAnswers.read(answer, rpsl.toString());
        return answer.build();
    }
}
