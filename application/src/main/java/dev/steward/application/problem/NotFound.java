package dev.steward.application.problem;

/** The thing asked for does not exist for this caller's MSP (another MSP's things are "not found" too). */
public final class NotFound extends ApplicationException {

    private final String kind;
    private final String key;

    public NotFound(String kind, String key) {
        super(kind + " '" + key + "' was not found", null);
        this.kind = kind;
        this.key = key;
    }

    public String kind() {
        return kind;
    }

    public String key() {
        return key;
    }
}
