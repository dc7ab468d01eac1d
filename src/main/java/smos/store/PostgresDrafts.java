package smos.store;

import smos.publish.Draft;
import smos.publish.Drafts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Console drafts in the rule store's database (tables {@code console_draft} and {@code console_draft_file}),
 * so a change uploaded on one replica opens and publishes on another. A draft and its files are saved in
 * one transaction, and removed in one (the files go with their draft).
 */
final class PostgresDrafts implements Drafts {
    private final PostgresRuleStore store;

    PostgresDrafts(PostgresRuleStore store) {
        this.store = store;
    }

    @Override
    public void save(Draft draft) {
        store.write("the draft", c -> {
            delete(c, draft.id());
            try (PreparedStatement s = c.prepareStatement("INSERT INTO console_draft "
                    + "(draft_id, domain_id, base_version, author, created) VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, draft.id());
                s.setString(2, draft.domain());
                s.setString(3, draft.base());
                s.setString(4, draft.author());
                s.setObject(5, draft.created().atOffset(ZoneOffset.UTC));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO console_draft_file (draft_id, position, name, content) VALUES (?, ?, ?, ?)")) {
                int position = 0;
                for (Map.Entry<String, byte[]> file : draft.files().entrySet()) {
                    s.setString(1, draft.id());
                    s.setInt(2, position++);
                    s.setString(3, file.getKey());
                    s.setBytes(4, file.getValue());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Optional<Draft> find(String domain, String id) {
        if (!Draft.validId(id)) {
            return Optional.empty();
        }
        return store.read("the draft", c -> drafts(c, "d.domain_id = ? AND d.draft_id = ?", domain, id)).stream().findFirst();
    }

    @Override
    public List<Draft> list(String domain) {
        return store.read("the drafts of " + domain, c -> drafts(c, "d.domain_id = ?", domain));
    }

    @Override
    public void remove(String domain, String id) {
        if (!Draft.validId(id)) {
            return;
        }
        store.write("the draft", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM console_draft WHERE draft_id = ? AND domain_id = ?")) {
                s.setString(1, id);
                s.setString(2, domain);
                s.executeUpdate();
            }
            return null;
        });
    }

    private static void delete(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM console_draft WHERE draft_id = ?")) {
            s.setString(1, id);
            s.executeUpdate();
        }
    }

    /** The drafts matching {@code where} with their files, oldest first. */
    private static List<Draft> drafts(Connection c, String where, String... values) throws SQLException {
        record Row(String id, String domain, String base, String author, OffsetDateTime created) {
        }
        List<Row> rows = new ArrayList<>();
        Map<String, Map<String, byte[]>> files = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT d.draft_id, d.domain_id, d.base_version, d.author, d.created, "
                + "f.name, f.content FROM console_draft d LEFT JOIN console_draft_file f USING (draft_id) WHERE " + where
                + " ORDER BY d.created, d.draft_id, f.position")) {
            for (int i = 0; i < values.length; i++) {
                s.setString(i + 1, values[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    if (!files.containsKey(id)) {
                        rows.add(new Row(id, rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getObject(5, OffsetDateTime.class)));
                        files.put(id, new LinkedHashMap<>());
                    }
                    if (rs.getString(6) != null) {
                        files.get(id).put(rs.getString(6), rs.getBytes(7));
                    }
                }
            }
        }
        return rows.stream().map(r -> new Draft(r.id(), r.domain(), r.base(), r.author(), r.created().toInstant(),
                files.get(r.id()))).toList();
    }
}
