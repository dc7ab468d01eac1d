package smos.territory;

import smos.request.CrossFieldCheck;

import java.time.LocalDate;

/** An open deal on the account, owned today by {@code ownerRepId}. */
public record OpenDeal(
        String dealId,
        String ownerRepId,
        LocalDate createdDate,
        LocalDate expectedCloseDate) implements CrossFieldCheck {

    @Override
    public void check(Violations violations) {
        if (expectedCloseDate.isBefore(createdDate)) {
            violations.add("expectedCloseDate", "must not be before createdDate (" + createdDate + ")");
        }
    }
}
