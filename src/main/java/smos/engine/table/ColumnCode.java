package smos.engine.table;

import java.util.Locale;

/** The kind of a decision-table column, read from its header the way Drools reads it. */
public enum ColumnCode {
    CONDITION("CONDITION", "C"), ACTION("ACTION", "A"), NAME("NAME", "N"), DESCRIPTION("DESCRIPTION", "I"),
    PRIORITY("PRIORITY", "P"), DURATION("DURATION", "D"), TIMER("TIMER", "T"), ENABLED("ENABLED", "B"),
    CALENDARS("CALENDARS", "E"), NO_LOOP("NO-LOOP", "U"), LOCK_ON_ACTIVE("LOCK-ON-ACTIVE", "L"),
    AUTO_FOCUS("AUTO-FOCUS", "F"), ACTIVATION_GROUP("ACTIVATION-GROUP", "X"), AGENDA_GROUP("AGENDA-GROUP", "G"),
    RULEFLOW_GROUP("RULEFLOW-GROUP", "R"), DATE_EFFECTIVE("DATE-EFFECTIVE", "V"), DATE_EXPIRES("DATE-EXPIRES", "Z"),
    METADATA("METADATA", "@");

    private final String header;
    private final String shortHeader;

    ColumnCode(String header, String shortHeader) {
        this.header = header;
        this.shortHeader = shortHeader;
    }

    public String header() {
        return header;
    }

    /** Drools matches the whole header, else its first letter; null when neither is known. */
    public static ColumnCode parse(String text) {
        String upper = text.trim().toUpperCase(Locale.ROOT);
        if (upper.isEmpty()) {
            return null;
        }
        for (ColumnCode code : values()) {
            if (code.header.equals(upper) || code.shortHeader.equals(upper)) {
                return code;
            }
        }
        String first = upper.substring(0, 1);
        for (ColumnCode code : values()) {
            if (code.shortHeader.equals(first)) {
                return code;
            }
        }
        return null;
    }

    public boolean hasTemplate() {
        return this == CONDITION || this == ACTION || this == METADATA;
    }
}
