package liaison.rpsl;

import static liaison.rpsl.RpslTemplate.Cardinality.MULTIPLE;
import static liaison.rpsl.RpslTemplate.Cardinality.SINGLE;
import static liaison.rpsl.RpslTemplate.KeyKind.INVERSE;
import static liaison.rpsl.RpslTemplate.KeyKind.LOOKUP;
import static liaison.rpsl.RpslTemplate.KeyKind.NONE;
import static liaison.rpsl.RpslTemplate.KeyKind.PRIMARY;
import static liaison.rpsl.RpslTemplate.KeyKind.PRIMARY_LOOKUP;
import static liaison.rpsl.RpslTemplate.Requirement.MANDATORY;
import static liaison.rpsl.RpslTemplate.Requirement.OPTIONAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import liaison.rpsl.RpslTemplate.AttributeSpec;
import liaison.rpsl.RpslTemplate.Cardinality;
import liaison.rpsl.RpslTemplate.KeyKind;
import liaison.rpsl.RpslTemplate.Requirement;

/**
 * Templates of the object classes Liaison reads, after the RIPE database's current templates; the irt
 * template is ripe-254's plus today's {@code org:} and the attributes the database added since
 * ({@code abuse-mailbox}, {@code created}, {@code last-modified}).
 */
public final class RpslTemplates {

    private static final Map<String, RpslTemplate> TEMPLATES = build();

    private RpslTemplates() {
    }

    /** The template of an object class, if Liaison knows it. */
    public static Optional<RpslTemplate> forType(String type) {
        return Optional.ofNullable(TEMPLATES.get(type.toLowerCase(Locale.ROOT)));
    }

    /** Every known object class. */
    public static List<String> types() {
        return List.copyOf(TEMPLATES.keySet());
    }

    /** Checks an object against its class's template; an unknown class is one problem. */
    public static List<String> check(RpslObject object) {
        return forType(object.type()).map(t -> t.check(object))
                .orElse(List.of("unknown object class '" + object.type() + "'" + (object.line() > 0 ? " (line " + object.line() + ")" : "")));
    }

    private static AttributeSpec a(String name, Requirement r, Cardinality c, KeyKind k) {
        return new AttributeSpec(name, r, c, k);
    }

    /** Attributes every class ends with. */
    private static List<AttributeSpec> common(List<AttributeSpec> own) {
        List<AttributeSpec> all = new ArrayList<>(own);
        all.add(a("remarks", OPTIONAL, MULTIPLE, NONE));
        all.add(a("notify", OPTIONAL, MULTIPLE, INVERSE));
        all.add(a("mnt-by", MANDATORY, MULTIPLE, INVERSE));
        all.add(a("changed", OPTIONAL, MULTIPLE, NONE));
        all.add(a("created", OPTIONAL, SINGLE, NONE));
        all.add(a("last-modified", OPTIONAL, SINGLE, NONE));
        all.add(a("source", MANDATORY, SINGLE, NONE));
        return all;
    }

    private static List<AttributeSpec> inetnum(String key) {
        return common(List.of(a(key, MANDATORY, SINGLE, PRIMARY_LOOKUP), a("netname", MANDATORY, SINGLE, LOOKUP),
                a("descr", OPTIONAL, MULTIPLE, NONE), a("country", MANDATORY, MULTIPLE, NONE),
                a("geofeed", OPTIONAL, SINGLE, NONE), // RIPE Database 1.101 (2021)
                a("geoloc", OPTIONAL, SINGLE, NONE), a("language", OPTIONAL, MULTIPLE, NONE),
                a("org", OPTIONAL, SINGLE, INVERSE), a("sponsoring-org", OPTIONAL, SINGLE, INVERSE),
                a("admin-c", MANDATORY, MULTIPLE, INVERSE), a("tech-c", MANDATORY, MULTIPLE, INVERSE),
                a("abuse-c", OPTIONAL, SINGLE, INVERSE), a("status", MANDATORY, SINGLE, NONE),
                a("assignment-size", OPTIONAL, SINGLE, NONE), a("mnt-lower", OPTIONAL, MULTIPLE, INVERSE),
                a("mnt-routes", OPTIONAL, MULTIPLE, INVERSE), a("mnt-domains", OPTIONAL, MULTIPLE, INVERSE),
                a("mnt-irt", OPTIONAL, MULTIPLE, INVERSE)));
    }

    private static List<AttributeSpec> route(String key) {
        return common(List.of(a(key, MANDATORY, SINGLE, PRIMARY_LOOKUP), a("descr", OPTIONAL, MULTIPLE, NONE),
                a("origin", MANDATORY, SINGLE, PRIMARY), a("pingable", OPTIONAL, MULTIPLE, NONE),
                a("ping-hdl", OPTIONAL, MULTIPLE, INVERSE), a("holes", OPTIONAL, MULTIPLE, NONE),
                a("org", OPTIONAL, MULTIPLE, INVERSE), a("member-of", OPTIONAL, MULTIPLE, INVERSE),
                a("inject", OPTIONAL, MULTIPLE, NONE), a("aggr-mtd", OPTIONAL, SINGLE, NONE),
                a("aggr-bndry", OPTIONAL, SINGLE, NONE), a("export-comps", OPTIONAL, SINGLE, NONE),
                a("components", OPTIONAL, SINGLE, NONE), a("mnt-lower", OPTIONAL, MULTIPLE, INVERSE),
                a("mnt-routes", OPTIONAL, MULTIPLE, INVERSE)));
    }

    private static Map<String, RpslTemplate> build() {
        List<RpslTemplate> all = List.of(
                new RpslTemplate("irt", common(List.of(a("irt", MANDATORY, SINGLE, PRIMARY_LOOKUP),
                        a("address", MANDATORY, MULTIPLE, NONE), a("phone", OPTIONAL, MULTIPLE, NONE),
                        a("fax-no", OPTIONAL, MULTIPLE, NONE), a("e-mail", MANDATORY, MULTIPLE, LOOKUP),
                        a("abuse-mailbox", OPTIONAL, MULTIPLE, INVERSE), a("signature", OPTIONAL, MULTIPLE, NONE),
                        a("encryption", OPTIONAL, MULTIPLE, NONE), a("org", OPTIONAL, MULTIPLE, INVERSE),
                        a("admin-c", MANDATORY, MULTIPLE, INVERSE), a("tech-c", MANDATORY, MULTIPLE, INVERSE),
                        a("auth", MANDATORY, MULTIPLE, INVERSE), a("irt-nfy", OPTIONAL, MULTIPLE, INVERSE)))),
                new RpslTemplate("inetnum", inetnum("inetnum")),
                new RpslTemplate("inet6num", inetnum("inet6num")),
                new RpslTemplate("aut-num", common(List.of(a("aut-num", MANDATORY, SINGLE, PRIMARY_LOOKUP),
                        a("as-name", MANDATORY, SINGLE, NONE), a("descr", OPTIONAL, MULTIPLE, NONE),
                        a("member-of", OPTIONAL, MULTIPLE, INVERSE), a("import-via", OPTIONAL, MULTIPLE, NONE),
                        a("import", OPTIONAL, MULTIPLE, NONE), a("mp-import", OPTIONAL, MULTIPLE, NONE),
                        a("export-via", OPTIONAL, MULTIPLE, NONE), a("export", OPTIONAL, MULTIPLE, NONE),
                        a("mp-export", OPTIONAL, MULTIPLE, NONE), a("default", OPTIONAL, MULTIPLE, NONE),
                        a("mp-default", OPTIONAL, MULTIPLE, NONE), a("org", OPTIONAL, SINGLE, INVERSE),
                        a("sponsoring-org", OPTIONAL, SINGLE, INVERSE), a("admin-c", MANDATORY, MULTIPLE, INVERSE),
                        a("tech-c", MANDATORY, MULTIPLE, INVERSE), a("abuse-c", OPTIONAL, SINGLE, INVERSE),
                        a("status", OPTIONAL, SINGLE, NONE), a("mnt-lower", OPTIONAL, MULTIPLE, INVERSE),
                        a("mnt-routes", OPTIONAL, MULTIPLE, INVERSE)))),
                new RpslTemplate("organisation", common(List.of(a("organisation", MANDATORY, SINGLE, PRIMARY),
                        a("org-name", MANDATORY, SINGLE, LOOKUP), a("org-type", MANDATORY, SINGLE, NONE),
                        a("descr", OPTIONAL, MULTIPLE, NONE), a("address", MANDATORY, MULTIPLE, NONE),
                        a("country", OPTIONAL, SINGLE, NONE), a("phone", OPTIONAL, MULTIPLE, NONE),
                        a("fax-no", OPTIONAL, MULTIPLE, NONE), a("e-mail", MANDATORY, MULTIPLE, LOOKUP),
                        a("geoloc", OPTIONAL, SINGLE, NONE), a("language", OPTIONAL, MULTIPLE, NONE),
                        a("org", OPTIONAL, MULTIPLE, INVERSE), a("admin-c", OPTIONAL, MULTIPLE, INVERSE),
                        a("tech-c", OPTIONAL, MULTIPLE, INVERSE), a("abuse-c", OPTIONAL, SINGLE, INVERSE),
                        a("ref-nfy", OPTIONAL, MULTIPLE, INVERSE), a("mnt-ref", OPTIONAL, MULTIPLE, INVERSE),
                        a("abuse-mailbox", OPTIONAL, MULTIPLE, INVERSE)))),
                new RpslTemplate("role", common(List.of(a("role", MANDATORY, SINGLE, LOOKUP),
                        a("address", MANDATORY, MULTIPLE, NONE), a("phone", OPTIONAL, MULTIPLE, NONE),
                        a("fax-no", OPTIONAL, MULTIPLE, NONE), a("e-mail", MANDATORY, MULTIPLE, LOOKUP),
                        a("org", OPTIONAL, MULTIPLE, INVERSE), a("admin-c", OPTIONAL, MULTIPLE, INVERSE),
                        a("tech-c", OPTIONAL, MULTIPLE, INVERSE), a("nic-hdl", MANDATORY, SINGLE, PRIMARY_LOOKUP),
                        a("abuse-mailbox", OPTIONAL, SINGLE, INVERSE)))),
                new RpslTemplate("person", common(List.of(a("person", MANDATORY, SINGLE, LOOKUP),
                        a("address", MANDATORY, MULTIPLE, NONE), a("phone", MANDATORY, MULTIPLE, NONE),
                        a("fax-no", OPTIONAL, MULTIPLE, NONE), a("e-mail", OPTIONAL, MULTIPLE, LOOKUP),
                        a("org", OPTIONAL, MULTIPLE, INVERSE), a("nic-hdl", MANDATORY, SINGLE, PRIMARY_LOOKUP),
                        a("abuse-mailbox", OPTIONAL, MULTIPLE, INVERSE)))),
                new RpslTemplate("mntner", common(List.of(a("mntner", MANDATORY, SINGLE, PRIMARY_LOOKUP),
                        a("descr", OPTIONAL, MULTIPLE, NONE), a("org", OPTIONAL, MULTIPLE, INVERSE),
                        a("admin-c", MANDATORY, MULTIPLE, INVERSE), a("tech-c", OPTIONAL, MULTIPLE, INVERSE),
                        a("upd-to", MANDATORY, MULTIPLE, INVERSE), a("mnt-nfy", OPTIONAL, MULTIPLE, INVERSE),
                        a("auth", MANDATORY, MULTIPLE, INVERSE), a("abuse-mailbox", OPTIONAL, MULTIPLE, INVERSE),
                        a("mnt-ref", OPTIONAL, MULTIPLE, INVERSE)))),
                new RpslTemplate("key-cert", common(List.of(a("key-cert", MANDATORY, SINGLE, PRIMARY_LOOKUP),
                        a("method", OPTIONAL, SINGLE, NONE), a("owner", OPTIONAL, MULTIPLE, NONE),
                        a("fingerpr", OPTIONAL, SINGLE, INVERSE), a("certif", MANDATORY, MULTIPLE, NONE),
                        a("org", OPTIONAL, MULTIPLE, INVERSE), a("admin-c", OPTIONAL, MULTIPLE, INVERSE),
                        a("tech-c", OPTIONAL, MULTIPLE, INVERSE)))),
                new RpslTemplate("route", route("route")),
                new RpslTemplate("route6", route("route6")),
                new RpslTemplate("domain", common(List.of(a("domain", MANDATORY, SINGLE, PRIMARY_LOOKUP),
                        a("descr", OPTIONAL, MULTIPLE, NONE), a("org", OPTIONAL, MULTIPLE, INVERSE),
                        a("admin-c", MANDATORY, MULTIPLE, INVERSE), a("tech-c", MANDATORY, MULTIPLE, INVERSE),
                        a("zone-c", MANDATORY, MULTIPLE, INVERSE), a("nserver", MANDATORY, MULTIPLE, INVERSE),
                        a("ds-rdata", OPTIONAL, MULTIPLE, INVERSE)))));
        return all.stream().collect(Collectors.toMap(RpslTemplate::type, Function.identity(), (x, y) -> x,
                java.util.LinkedHashMap::new));
    }
}
