package liaison.simnet.internal;

import java.io.IOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;

import liaison.api.InputException;
import liaison.api.LiaisonException;
import liaison.constituency.ConstituencyIndex;
import liaison.constituency.ConstituencyService;
import liaison.constituency.LoadOptions;
import liaison.constituency.LoadProgress;
import liaison.replay.ContainedAnswers;
import liaison.replay.RdapReplay;
import liaison.replay.WhoisReplay;
import liaison.simnet.Endpoint;
import liaison.simnet.ScenarioPack;
import liaison.simnet.SessionLog;
import liaison.simnet.SimEvent;
import liaison.simnet.SimnetOptions;
import liaison.simnet.SimulatedInternet;
import liaison.whois.Registry;
import liaison.whoisd.WhoisServerConfig;
import liaison.whoisd.WhoisServerService;

/** A started simulated Internet; {@link #start} either starts every server or none stays running. */
final class RunningSimnet implements SimulatedInternet {

    /** Politeness for Liaison towards servers on this machine: no rate limit. */
    private static final String LOCAL = "rate=unlimited connections=8";

    private final ScenarioPack pack;
    private final SimnetOptions options;
    private final Instant started = Instant.now();
    private final List<AutoCloseable> running = new ArrayList<>();
    private final List<Endpoint> endpoints = new ArrayList<>();
    private final List<String> endpointLines = new ArrayList<>();
    private final List<SimEvent> events = new CopyOnWriteArrayList<>();
    private final List<Consumer<SimEvent>> listeners = new CopyOnWriteArrayList<>();
    private SessionLog log;
    private Mailroom mail;

    private RunningSimnet(ScenarioPack pack, SimnetOptions options) {
        this.pack = pack;
        this.options = options;
    }

    static RunningSimnet start(ScenarioPack pack, SimnetOptions options, ConstituencyService constituency, WhoisServerService whoisd)
            throws LiaisonException {
        RunningSimnet s = new RunningSimnet(pack, options);
        try {
            s.startAll(constituency, whoisd);
            return s;
        } catch (LiaisonException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private int port(int offset) {
        return options.portBase() == 0 ? 0 : options.portBase() + offset;
    }

    private void startAll(ConstituencyService constituency, WhoisServerService whoisd) throws LiaisonException {
        Path session = options.session();
        try {
            Files.createDirectories(session);
            log = SessionLog.create(sessionLog(), pack.id(), started);
        } catch (IOException e) {
            throw new LiaisonException("cannot write the session directory " + session + ": " + e.getMessage(), e);
        }
        for (Rir rir : List.of(Rir.RIPE, Rir.ARIN, Rir.APNIC, Rir.LACNIC, Rir.AFRINIC, Rir.JPNIC)) {
            Path data = pack.registries().get(rir.id);
            if (rir.rpsl() && data != null && Files.isRegularFile(data)) {
                whoisd(rir, data, constituency, whoisd);
            } else {
                RegistryData.Answers a = RegistryData.answers(data, rir.registry, rir.whoisHost());
                RegistryData.textStubs(rir, RegistryData.foreign(rir, pack, a.own()), a.answers());
                replay(rir.whoisHost(), port(rir.portOffset), a.answers(), rir.charset());
            }
        }
        replay(Rir.IANA.whoisHost(), port(Rir.IANA.portOffset), RegistryData.iana(pack), StandardCharsets.UTF_8);
        int offset = Rir.FIRST_DOMAIN_REGISTRY_OFFSET;
        for (ScenarioPack.DomainRegistry d : pack.domainRegistries().values()) {
            replay(d.whois(), port(offset++), RegistryData.answers(d.answers(), Registry.OTHER, d.whois()).answers(), StandardCharsets.UTF_8);
        }
        rdap();
        try {
            BootstrapFiles.write(bootstrapDirectory(), pack);
        } catch (IOException e) {
            throw new LiaisonException("cannot write the bootstrap files into " + bootstrapDirectory() + ": " + e.getMessage(), e);
        }
        mail = new Mailroom(pack, port(25), port(43), options.speed(), this::record);
        running.add(mail);
        endpoints.add(new Endpoint("smtp", null, "127.0.0.1:" + mail.smtpPort()));
        endpoints.add(new Endpoint("imap", null, "127.0.0.1:" + mail.imapPort()));
        writeEndpoints();
    }

    /** A RIPE-software registry: its RPSL and the placeholders of foreign blocks, indexed and served by liaison.whoisd. */
    private void whoisd(Rir rir, Path data, ConstituencyService constituency, WhoisServerService whoisd) throws LiaisonException {
        Path dir = options.session().resolve("registries");
        Path index = options.session().resolve("index").resolve(rir.id);
        Path placeholders = dir.resolve(rir.id + "-placeholders.db");
        try {
            Files.createDirectories(dir);
            delete(index);
            Files.writeString(placeholders, RegistryData.rpslStubs(rir, RegistryData.foreign(rir, pack, RegistryData.ownRanges(data))),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LiaisonException("cannot prepare " + index + ": " + e.getMessage(), e);
        }
        constituency.load(index, List.of(data, placeholders), LoadOptions.STRICT, LoadProgress.NONE);
        ConstituencyIndex opened = constituency.open(index);
        running.add(opened);
        WhoisServerService.RunningServer server = whoisd.start(opened,
                new WhoisServerConfig("127.0.0.1", port(rir.portOffset), 64, 32, 100_000, Duration.ofSeconds(30)));
        running.add(server);
        whoisEndpoint(rir.whoisHost(), server.port());
    }

    private void replay(String host, int port, ContainedAnswers answers, java.nio.charset.Charset charset) throws LiaisonException {
        try {
            WhoisReplay r = new WhoisReplay(host, port, answers.responder(charset, RegistryData.notFound(host)));
            running.add(r);
            whoisEndpoint(host, r.address().getPort());
        } catch (BindException e) {
            throw new LiaisonException("cannot serve " + host + " on 127.0.0.1 port " + port + ": the port is in use", e);
        } catch (IOException e) {
            throw new LiaisonException("cannot serve " + host + " on 127.0.0.1 port " + port + ": " + e.getMessage(), e);
        }
    }

    private void whoisEndpoint(String host, int port) {
        endpoints.add(new Endpoint("whois", host, "127.0.0.1:" + port));
        endpointLines.add(host + " = 127.0.0.1:" + port + " " + LOCAL);
    }

    /** One RDAP server; each registry (with objects or not) under its own path, so no query leaves the machine. */
    private void rdap() throws LiaisonException {
        RdapReplay rdap;
        try {
            rdap = new RdapReplay(port(80));
        } catch (IOException e) {
            throw new LiaisonException("cannot serve RDAP on 127.0.0.1 port " + port(80) + ": " + e.getMessage(), e);
        }
        running.add(rdap);
        for (Rir rir : List.of(Rir.RIPE, Rir.ARIN, Rir.APNIC, Rir.LACNIC, Rir.AFRINIC, Rir.JPNIC)) {
            rdapService(rdap, rir.rdap.toString(), rir.id);
        }
        for (ScenarioPack.DomainRegistry d : pack.domainRegistries().values()) {
            rdapService(rdap, d.rdap().toString(), d.tld());
        }
    }

    private void rdapService(RdapReplay rdap, String base, String name) throws LiaisonException {
        String prefix = "/" + name + "/";
        rdap.serve(base, prefix);
        if (pack.rdap() != null) {
            for (Path f : RegistryData.files(pack.rdap().resolve(name), "*.json")) {
                try {
                    rdap.add(RegistryData.read(f), base, prefix);
                } catch (IOException e) {
                    throw new InputException(f.toString(), 0, 0, "not an RDAP object: " + e.getMessage(), e);
                }
            }
        }
        endpoints.add(new Endpoint("rdap", base, rdap.url(prefix)));
        endpointLines.add(base + " = " + rdap.url(prefix) + " " + LOCAL);
    }

    private void writeEndpoints() throws LiaisonException {
        StringBuilder s = new StringBuilder("# The simulated Internet of scenario " + pack.id() + ", started " + started + ".\n"
                + "# liaison lookup --endpoints " + endpointsFile() + " --bootstrap " + bootstrapDirectory() + " ADDRESS\n");
        endpointLines.forEach(l -> s.append(l).append('\n'));
        try {
            Path tmp = endpointsFile().resolveSibling("endpoints.tmp");
            Files.writeString(tmp, s, StandardCharsets.UTF_8);
            Files.move(tmp, endpointsFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LiaisonException("cannot write " + endpointsFile() + ": " + e.getMessage(), e);
        }
    }

    private void record(SimEvent e) {
        events.add(e);
        try {
            log.append(e);
        } catch (IOException ex) {
            // the session log is a record for later scoring; the exercise itself goes on
        }
        listeners.forEach(l -> l.accept(e));
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public ScenarioPack pack() {
        return pack;
    }

    @Override
    public List<Endpoint> endpoints() {
        List<Endpoint> out = new ArrayList<>(endpoints);
        out.sort(Comparator.comparingInt(e -> List.of("whois", "rdap", "smtp", "imap").indexOf(e.kind())));
        return out;
    }

    @Override
    public Path endpointsFile() {
        return options.session().resolve("endpoints");
    }

    @Override
    public Path bootstrapDirectory() {
        return options.session().resolve("bootstrap");
    }

    @Override
    public Path sessionLog() {
        return options.session().resolve("session.jsonl");
    }

    @Override
    public String smtpUrl() {
        return "smtp://127.0.0.1:" + mail.smtpPort() + "?starttls=none";
    }

    @Override
    public String imapUrl() {
        ScenarioPack.Trainee t = pack.trainee();
        return "imap://" + t.login() + ":" + t.password() + "@127.0.0.1:" + mail.imapPort() + "/INBOX?starttls=none";
    }

    @Override
    public Instant started() {
        return started;
    }

    @Override
    public List<SimEvent> events() {
        return List.copyOf(events);
    }

    @Override
    public void onEvent(Consumer<SimEvent> listener) {
        listeners.add(listener);
    }

    @Override
    public int pendingReplies() {
        return mail == null ? 0 : mail.pending();
    }

    @Override
    public boolean awaitReplies(Duration timeout) throws InterruptedException {
        return mail == null || mail.awaitReplies(timeout);
    }

    @Override
    public void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                // closing the rest matters more
            }
        }
        running.clear();
        if (log != null) {
            try {
                log.close();
            } catch (IOException e) {
                // nothing more to write
            }
        }
    }
}
