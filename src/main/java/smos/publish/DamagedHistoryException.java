package smos.publish;

import smos.failure.ConflictException;

/** A history entry, or a file it names, is damaged: it cannot be restored. Names the entry and the reason. */
public class DamagedHistoryException extends ConflictException {
    public DamagedHistoryException(String domain, HistoryEntry entry, String reason) {
        super("version " + entry.version() + " of " + domain + " cannot be restored: its history entry "
                + entry.entry() + " is damaged (" + reason + "); choose another version");
    }
}
