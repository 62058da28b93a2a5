package liaison.rpsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import liaison.rpsl.RpslTemplate.Cardinality;
import liaison.rpsl.RpslTemplate.KeyKind;
import liaison.rpsl.RpslTemplate.Requirement;

class RpslTemplatesTest {

    @Test
    void everyClassLiaisonReadsHasATemplate() {
        for (String type : List.of("irt", "inetnum", "inet6num", "aut-num", "organisation", "role", "person", "mntner",
                "key-cert", "route", "route6", "domain")) {
            assertTrue(RpslTemplates.forType(type).isPresent(), type);
        }
    }

    @Test
    void irtTemplateFollowsRipe254() {
        RpslTemplate irt = RpslTemplates.forType("irt").orElseThrow();
        var key = irt.attribute("irt").orElseThrow();
        assertEquals(Requirement.MANDATORY, key.requirement());
        assertEquals(Cardinality.SINGLE, key.cardinality());
        assertEquals(KeyKind.PRIMARY_LOOKUP, key.key());
        assertEquals(Cardinality.MULTIPLE, irt.attribute("e-mail").orElseThrow().cardinality());
        assertEquals(Requirement.MANDATORY, irt.attribute("auth").orElseThrow().requirement());
        assertTrue(irt.attribute("org").isPresent(), "today's irt objects may name their organisation");
        assertEquals(KeyKind.INVERSE, RpslTemplates.forType("inetnum").orElseThrow().attribute("mnt-irt").orElseThrow().key());
    }

    @Test
    void checkReportsProblemsWithLines() throws Exception {
        RpslObject o = RpslParser.parse("t", """
                irt:        IRT-EXAMPLE
                address:    Somewhere
                e-mail:     irt@example.net
                colour:     blue
                admin-c:    AA1-TEST
                tech-c:     AA1-TEST
                auth:       PGPKEY-12345678
                mnt-by:     EXAMPLE-MNT
                source:     TEST
                source:     RIPE
                """).objects().get(0);
        List<String> problems = RpslTemplates.check(o);
        assertEquals(List.of("irt 'IRT-EXAMPLE': unknown attribute 'colour' (line 4)",
                "irt 'IRT-EXAMPLE': attribute 'source' may appear only once (line 10)"), problems);

        RpslObject missing = RpslObject.parse("inetnum: 192.0.2.0 - 192.0.2.255\nnetname: EXAMPLE\nsource: TEST\n");
        assertTrue(RpslTemplates.check(missing).contains("inetnum '192.0.2.0 - 192.0.2.255': mandatory attribute 'status' is missing (line 1)"),
                RpslTemplates.check(missing).toString());
    }
}
