package smos.territory;

import smos.common.Region;
import smos.common.Role;
import smos.engine.IncompleteDecisionException;

import java.util.ArrayList;
import java.util.List;

/**
 * The account as the StateRegion and Assignment tables see it: its state and tier, the new region its
 * state maps to (if the state is listed), and where the Assignment table places it, with any alert.
 */
public final class AccountPlacement {
    private final Account account;
    private Region stateRegion;
    private AssignedRegion assigned;
    private boolean useStateRegion;
    private final List<AlertDraft> alerts = new ArrayList<>();
    private String conflict;

    AccountPlacement(Account account) {
        this.account = account;
    }

    public String getState() {
        return account.state();
    }

    public AccountTier getTier() {
        return account.tier();
    }

    // --- StateRegion

    public void setStateRegion(Region region) {
        if (stateRegion != null && stateRegion != region) {
            conflict = "state " + account.state() + " is listed twice on the StateRegion sheet, for " + stateRegion
                    + " and " + region;
        }
        this.stateRegion = region;
    }

    /** The state is listed on the StateRegion sheet. */
    public boolean isStateMapped() {
        return stateRegion != null;
    }

    // --- Assignment

    public void assign(AssignedRegion region) {
        this.assigned = region;
    }

    public void assignStateRegion(boolean useStateRegion) {
        this.useStateRegion = useStateRegion;
    }

    public void raiseAlert(TerritoryAlertCode code) {
        alerts.add(new AlertDraft(code, new ArrayList<>()));
    }

    /** Adds a recipient to the alert raised just before it in the same row. */
    public void alertRecipient(Role role) {
        if (alerts.isEmpty()) {
            conflict = "a row of the Assignment sheet names an alert recipient without an alert";
            return;
        }
        alerts.get(alerts.size() - 1).recipients().add(role);
    }

    private record AlertDraft(TerritoryAlertCode code, List<Role> recipients) {
    }

    AssignedRegion region() {
        if (conflict != null) {
            throw new IncompleteDecisionException(conflict);
        }
        if (useStateRegion) {
            if (stateRegion == null) {
                throw new IncompleteDecisionException("the Assignment sheet uses the state's region, but state "
                        + account.state() + " is not on the StateRegion sheet");
            }
            return AssignedRegion.of(stateRegion);
        }
        if (assigned == null) {
            throw new IncompleteDecisionException("no row of the Assignment sheet placed account " + account.accountId());
        }
        return assigned;
    }

    List<TerritoryAlert> alerts() {
        return alerts.stream().map(a -> new TerritoryAlert(a.code(), List.copyOf(a.recipients()))).toList();
    }
}
