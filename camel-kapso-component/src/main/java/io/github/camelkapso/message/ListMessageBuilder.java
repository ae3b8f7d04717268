package io.github.camelkapso.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Interactive {@code type: list}: a button that opens a menu of rows, grouped in sections. Meta's rules: up to 10
 * sections and 10 rows across all of them, every section with a row; section titles up to 24 characters and required
 * once there are two sections; row ids up to 200 characters and unique, row titles up to 24, descriptions up to 72;
 * button label up to 20; body up to 4096; a text header only.
 */
public final class ListMessageBuilder extends InteractiveMessageBuilder<ListMessageBuilder> {

    static final int MAX_BODY = 4096;
    static final int MAX_BUTTON = 20;
    static final int MAX_SECTIONS = 10;
    static final int MAX_ROWS = 10;
    static final int MAX_SECTION_TITLE = 24;
    static final int MAX_ROW_ID = 200;
    static final int MAX_ROW_TITLE = 24;
    static final int MAX_ROW_DESCRIPTION = 72;

    private final String button;
    private final List<Section> sections = new ArrayList<>();
    private final List<String> rowIds = new ArrayList<>();

    private record Section(String title, List<Map<String, Object>> rows) {
    }

    ListMessageBuilder(String to, String body, String button) {
        super(to, "list", body, MAX_BODY);
        this.button = FieldRules.requiredAtMost("interactive.action.button", button, MAX_BUTTON);
    }

    /** Starts a section; the rows added next belong to it. Rows added before any section form one untitled section. */
    public ListMessageBuilder section(String title) {
        String field = "interactive.action.sections[" + sections.size() + "]";
        FieldRules.atMostItems("interactive.action.sections", sections.size() + 1, MAX_SECTIONS, "sections");
        sections.add(new Section(FieldRules.requiredAtMost(field + ".title", title, MAX_SECTION_TITLE), new ArrayList<>()));
        return this;
    }

    public ListMessageBuilder row(String id, String title) {
        return row(id, title, null);
    }

    /**
     * @param id          what the webhook receives when the row is chosen
     * @param description a second line under the title, or null
     */
    public ListMessageBuilder row(String id, String title, String description) {
        if (sections.isEmpty()) {
            sections.add(new Section(null, new ArrayList<>()));
        }
        Section section = sections.get(sections.size() - 1);
        String field = "interactive.action.sections[" + (sections.size() - 1) + "].rows[" + section.rows().size() + "]";
        FieldRules.atMostItems("interactive.action.sections[*].rows", rowIds.size() + 1, MAX_ROWS,
                "rows across all sections");
        FieldRules.requiredAtMost(field + ".id", id, MAX_ROW_ID);
        FieldRules.unique(field + ".id", rowIds, id);
        Map<String, Object> row = JsonObjects.of("id", id, "title",
                FieldRules.requiredAtMost(field + ".title", title, MAX_ROW_TITLE));
        if (description != null) {
            row.put("description", FieldRules.requiredAtMost(field + ".description", description, MAX_ROW_DESCRIPTION));
        }
        rowIds.add(id);
        section.rows().add(row);
        return this;
    }

    @Override
    Map<String, Object> action() {
        FieldRules.atLeastOne("interactive.action.sections", sections, "section with a row");
        List<Map<String, Object>> wire = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            Section section = sections.get(i);
            String field = "interactive.action.sections[" + i + "]";
            FieldRules.atLeastOne(field + ".rows", section.rows(), "row");
            if (section.title() == null && sections.size() > 1) {
                throw new IllegalArgumentException(field + ".title is required when the list has more than one section");
            }
            Map<String, Object> entry = section.title() == null
                    ? JsonObjects.of("rows", List.copyOf(section.rows()))
                    : JsonObjects.of("title", section.title(), "rows", List.copyOf(section.rows()));
            wire.add(entry);
        }
        return JsonObjects.of("button", button, "sections", wire);
    }
}
