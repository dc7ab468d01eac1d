package smos.console;

import java.util.List;

/**
 * One part of the try form, as the template draws it: an input (text, number, date, date and time,
 * checkbox, choice, or JSON for a part no input fits), a group of fields (a nested record, one item of a
 * list) or a list. {@code name} is the JSON path the value goes to ({@code deals[0].revenue}), so the
 * posted form says where each value belongs and an error's field names its input.
 */
public record FormField(Kind kind, String name, String label, boolean required, String value, List<String> options,
                        String min, String max, String step, String hint, String error, List<FormField> children) {

    public enum Kind { TEXT, NUMBER, DATE, DATE_TIME, CHECKBOX, CHOICE, JSON, GROUP, LIST }

    /**
     * The element id: the path with its separators turned into hyphens ({@code deals[0].revenue} ->
     * {@code f-deals-0-revenue}). JSON names here are Java identifiers, which hold no hyphen and never
     * start with a digit, so two paths never share an id.
     */
    public String id() {
        return idOf(name);
    }

    /** The id of the input or group a JSON path is drawn as. */
    public static String idOf(String path) {
        return "f-" + path.replace("].", "-").replace('.', '-').replace('[', '-').replace("]", "");
    }

    public boolean is(String kind) {
        return this.kind.name().equals(kind);
    }

    /** The ids of the hint and the error that describe the input, or null when neither is there. */
    public String describedBy() {
        String ids = (hint == null ? "" : id() + "-hint ") + (error == null ? "" : id() + "-error");
        return ids.isBlank() ? null : ids.trim();
    }

    /** Whether the checkbox is ticked. */
    public boolean checked() {
        return "true".equals(value);
    }

    /** An input of the HTML type this field takes ({@code text}, {@code number}, {@code date}). */
    public String inputType() {
        return switch (kind) {
            case NUMBER -> "number";
            case DATE -> "date";
            default -> "text";
        };
    }
}
