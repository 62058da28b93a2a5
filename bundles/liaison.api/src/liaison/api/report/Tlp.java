package liaison.api.report;

/** FIRST Traffic Light Protocol 2.0 labels. */
public enum Tlp {
    CLEAR, GREEN, AMBER, AMBER_STRICT, RED;

    /** The label as written in reports: {@code TLP:AMBER+STRICT}. */
    public String label() {
        return "TLP:" + name().replace("_STRICT", "+STRICT");
    }
}
