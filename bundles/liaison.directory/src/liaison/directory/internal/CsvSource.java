package liaison.directory.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import liaison.api.InputException;
import liaison.api.LiaisonException;
import liaison.api.directory.DirectorySource;
import liaison.api.directory.SourceSnapshot;
import liaison.api.model.Team;
import liaison.directory.Field;
import liaison.directory.source.SourceInput;

/**
 * A team list kept as CSV (a spreadsheet, another tool's export, {@code directory export --format
 * csv}). The header names the columns by field id ({@code short_name}, {@code email},
 * {@code emergency_phone}, {@code constituency_asns}, ...; hyphens accepted); {@code short_name} is
 * required. Cells of list fields hold values separated by semicolons. An optional
 * {@code source_key} column keys the rows, else the short name does. Each file is its own set of
 * teams: {@code csv:FILENAME}.
 */
@Component
public class CsvSource implements DirectorySource {

    private static final String KEY_COLUMN = "source_key";

    @Override
    public String id() {
        return "csv";
    }

    @Override
    public String description() {
        return "a CSV team list with a header row of field names (short_name required)";
    }

    @Override
    public SourceSnapshot read(URI location, ProgressListener progress) throws LiaisonException {
        String input = SourceInput.display(location);
        String text = new String(SourceInput.fetch(location), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<Team> teams = new ArrayList<>();
        Map<String, Long> keyLines = new HashMap<>();
        try (MappingIterator<List<String>> rows = mapper.readerForListOf(String.class).readValues(text)) {
            if (!rows.hasNextValue()) {
                throw new InputException(input, 1, 1, "empty file; expected a header row naming the columns");
            }
            Map<Integer, Field> columns = new HashMap<>();
            int keyColumn = -1;
            int nameColumn = -1;
            List<String> header = rows.nextValue();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).strip().toLowerCase(Locale.ROOT).replace('-', '_');
                if (name.equals(KEY_COLUMN)) {
                    keyColumn = i;
                } else if (!Exporter.META_COLUMNS.contains(name) && !name.isEmpty()) {
                    try {
                        Field f = Field.fromName(name);
                        columns.put(i, f);
                        if (f == Field.SHORT_NAME) {
                            nameColumn = i;
                        }
                    } catch (IllegalArgumentException e) {
                        throw new InputException(input, 1, i + 1, "unknown column '" + header.get(i) + "'", e);
                    }
                }
            }
            if (nameColumn < 0) {
                throw new InputException(input, 1, 1, "no short_name column in the header");
            }
            while (rows.hasNextValue()) {
                long line = rows.getParser().currentLocation().getLineNr();
                List<String> row = rows.nextValue();
                if (row.stream().allMatch(String::isBlank)) {
                    continue;
                }
                String shortName = cell(row, nameColumn);
                if (shortName.isEmpty()) {
                    throw new InputException(input, line, nameColumn + 1, "row without a short_name");
                }
                String key = keyColumn >= 0 && !cell(row, keyColumn).isEmpty() ? cell(row, keyColumn) : shortName;
                Long earlier = keyLines.putIfAbsent(key, line);
                if (earlier != null) {
                    throw new InputException(input, line, 1, "'" + key + "' already on line " + earlier
                            + "; each team once (or give a source_key column)");
                }
                Team team = Team.builder(key).build();
                for (Map.Entry<Integer, Field> c : columns.entrySet()) {
                    String v = cell(row, c.getKey());
                    if (v.isEmpty()) {
                        continue;
                    }
                    try {
                        team = c.getValue().apply(team, c.getValue().parse(v));
                    } catch (IllegalArgumentException e) {
                        throw new InputException(input, line, c.getKey() + 1, e.getMessage(), e);
                    }
                }
                teams.add(team);
                progress.worked(teams.size(), -1, shortName);
            }
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new InputException(input, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(),
                    "malformed CSV: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InputException(input, 0, 0, "cannot read: " + e.getMessage(), e);
        }
        String file = location.getPath() == null ? input : location.getPath().substring(location.getPath().lastIndexOf('/') + 1);
        return new SourceSnapshot(id() + ":" + file, input, Instant.now(), teams, List.of());
    }

    private static String cell(List<String> row, int i) {
        return i < row.size() && row.get(i) != null ? row.get(i).strip() : "";
    }
}
