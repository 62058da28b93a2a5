package org.example.liaison.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

import liaison.api.InputException;
import liaison.api.LiaisonException;
import liaison.api.directory.DirectorySource;
import liaison.api.directory.SourceSnapshot;
import liaison.api.model.ChannelType;
import liaison.api.model.ContactChannel;
import liaison.api.model.Team;

/**
 * Reads a team list published as CSV over HTTPS (a national CSIRT's constituent list, a sector
 * ISAC's roster). Which column holds which field is configured (PID {@code org.example.liaison.csv},
 * property {@code columns}: {@code field=Header,...}), because every publisher names them differently.
 * Fields: {@code key}, {@code short_name}, {@code official_name}, {@code country}, {@code email},
 * {@code phone}. {@code file:} URLs are read too, for offline use.
 */
@Component(configurationPid = "org.example.liaison.csv")
public class CsvDirectorySource implements DirectorySource {

    static final String DEFAULT_COLUMNS = "key=id,short_name=name,official_name=official name,country=country,email=email,phone=phone";

    private volatile Map<String, String> columns = parseColumns(DEFAULT_COLUMNS);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    @Activate
    @Modified
    void configure(Map<String, Object> config) {
        Object c = config.get("columns");
        columns = parseColumns(c == null ? DEFAULT_COLUMNS : c.toString());
    }

    static Map<String, String> parseColumns(String spec) {
        Map<String, String> m = new HashMap<>();
        for (String pair : spec.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                m.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip().toLowerCase(Locale.ROOT));
            }
        }
        return m;
    }

    @Override
    public String id() {
        return "example-csv";
    }

    @Override
    public String description() {
        return "teams from a CSV file published over HTTPS, with a configurable column map (example extension)";
    }

    @Override
    public SourceSnapshot read(URI location, ProgressListener progress) throws LiaisonException {
        String text = fetch(location);
        List<String[]> rows = parse(location.toString(), text);
        if (rows.isEmpty()) {
            throw new InputException(location.toString(), 1, 0, "no header line");
        }
        Map<String, Integer> index = new HashMap<>();
        String[] header = rows.get(0);
        for (int i = 0; i < header.length; i++) {
            index.put(header[i].strip().toLowerCase(Locale.ROOT), i);
        }
        for (String required : List.of("key", "short_name")) {
            if (!index.containsKey(columns.get(required))) {
                throw new InputException(location.toString(), 1, 0, "no column '" + columns.get(required) + "' for " + required);
            }
        }
        List<Team> teams = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            String[] row = rows.get(r);
            String key = cell(row, index, "key");
            if (key == null) {
                throw new InputException(location.toString(), r + 1, 0, "row without a value in column '" + columns.get("key") + "'");
            }
            Team.Builder b = Team.builder(key).shortName(cell(row, index, "short_name"))
                    .officialName(cell(row, index, "official_name")).country(cell(row, index, "country"));
            String email = cell(row, index, "email");
            if (email != null) {
                b.channel(ContactChannel.of(ChannelType.EMAIL, email));
            }
            String phone = cell(row, index, "phone");
            if (phone != null) {
                b.channel(ContactChannel.of(ChannelType.PHONE, phone));
            }
            teams.add(b.build());
            progress.worked(r, rows.size() - 1, key);
        }
        return new SourceSnapshot(id(), location.toString(), Instant.now(), teams, List.of());
    }

    private String cell(String[] row, Map<String, Integer> index, String field) {
        Integer i = index.get(columns.get(field));
        if (i == null || i >= row.length || row[i].isBlank()) {
            return null;
        }
        return row[i].strip();
    }

    private String fetch(URI location) throws LiaisonException {
        try {
            if ("file".equals(location.getScheme())) {
                return Files.readString(Path.of(location), StandardCharsets.UTF_8);
            }
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(location).timeout(Duration.ofSeconds(30))
                    .header("Accept", "text/csv").GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new LiaisonException(location + " answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new LiaisonException("cannot read " + location + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LiaisonException("interrupted while reading " + location, e);
        }
    }

    /** RFC 4180: quoted fields may hold commas, quotes ("" inside) and line breaks. */
    static List<String[]> parse(String input, String text) throws InputException {
        List<String[]> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int quoteLine = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
                quoteLine = line;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                if (!(row.size() == 1 && row.get(0).isEmpty())) {
                    rows.add(row.toArray(String[]::new));
                }
                row = new ArrayList<>();
                line++;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new InputException(input, quoteLine, 0, "quoted field is never closed");
        }
        if (!cell.isEmpty() || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row.toArray(String[]::new));
        }
        return rows;
    }
}
