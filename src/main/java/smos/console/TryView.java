package smos.console;

import smos.engine.FiredRule;
import smos.request.FieldError;

import java.util.List;

/**
 * The "try a decision" page: the request as a form drawn from the domain's request schema and as JSON
 * (both prefilled with the domain's example, or with what was sent), and after sending it the decision
 * and its trace, each fired table row linked to that row on the domain's page; or what was wrong, each
 * error also beside the field it names.
 */
public record TryView(String domain, List<FormField> fields, String request, String decision, List<Step> trace,
                      String error, List<FieldError> errors) {

    /** Where an error's field is on the form, or null when the form has no such field (the body as a whole). */
    public String anchorOf(FieldError error) {
        String id = FormField.idOf(error.field());
        return present(fields, id) ? "#" + id : null;
    }

    private static boolean present(List<FormField> fields, String id) {
        return fields.stream().anyMatch(f -> f.id().equals(id) || present(f.children(), id));
    }

    /** One fired rule; {@code link} is empty for a DRL rule (it has no row to show). */
    public record Step(String rule, String source, String location, String link) {
        static Step of(String domain, FiredRule fired) {
            int bang = fired.location() == null ? -1 : fired.location().indexOf('!');
            String link = bang < 0 ? "" : "/console/domains/" + domain + "#"
                    + WorkbookView.rowAnchor(fired.location().substring(0, bang), fired.location().substring(bang + 1));
            return new Step(fired.rule(), fired.source(), fired.location(), link);
        }
    }
}
