package liaison.rdap;

import java.util.List;

/**
 * An RDAP notice or remark: a title and lines of text (terms of use, "this output has been
 * filtered", a network's remarks).
 */
public record RdapNotice(String title, List<String> description) {
    public RdapNotice {
        description = List.copyOf(description);
    }

    /** Title and text on one line. */
    public String text() {
        String d = String.join(" ", description).strip();
        return title == null || title.isBlank() ? d : d.isEmpty() ? title : title + ": " + d;
    }
}
