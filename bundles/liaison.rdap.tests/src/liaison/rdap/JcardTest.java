package liaison.rdap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import liaison.api.InputException;

/** jCard against OpenRDAP's conformance files: the valid ones read, every malformed one refused. */
class JcardTest {

    @Test
    void example() throws Exception {
        Jcard card = Jcard.parse(RdapClient.readJson("example.json", Corpus.read("openrdap/test/testdata/jcard/example.json")));
        assertEquals("Simon Perreault", card.fn());
        assertEquals("Viagenie", card.org());
        assertEquals(List.of(new Jcard.Value("simon.perreault@viagenie.ca", List.of("work"), 0)), card.emails());
        assertEquals("+1-418-656-9254;ext=102", card.phones().get(0).value(), "tel: URI scheme removed");
        assertEquals(List.of("work", "voice"), card.phones().get(0).types());
        assertEquals(1, card.phones().get(0).pref());
    }

    @Test
    void mixedValuesAreAccepted() throws Exception {
        Jcard card = Jcard.parse(RdapClient.readJson("mixed.json", Corpus.read("openrdap/test/testdata/jcard/mixed.json")));
        assertEquals(List.of(), card.emails());
    }

    @Test
    void everyMalformedCardIsRefused() throws IOException {
        int n = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Corpus.path("openrdap/test/testdata/jcard"), "error_*.json")) {
            for (Path f : files) {
                n++;
                String text = Files.readString(f);
                if (f.getFileName().toString().equals("error_invalid_json.json")
                        || f.getFileName().toString().equals("error_bad_property_parameters_2.json")) {
                    assertThrows(InputException.class, () -> RdapClient.readJson(f.toString(), text), f.toString());
                } else {
                    assertThrows(IllegalArgumentException.class, () -> Jcard.parse(RdapClient.readJson(f.toString(), text)), f.toString());
                }
            }
        }
        assertEquals(11, n);
    }
}
