package liaison.api.drill;

/**
 * What a {@link ScenarioProvider} says about one of its scenarios, for listings.
 *
 * @param id      stable id used on the command line ({@code liaison drill run <id>}): lower-case letters,
 *                digits and hyphens
 * @param title   the title shown to trainers and trainees
 * @param summary one or two sentences: what the trainee practises
 */
public record ScenarioDescriptor(String id, String title, String summary) {

    public ScenarioDescriptor {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new IllegalArgumentException("a scenario id is lower-case letters, digits and hyphens: '" + id + "'");
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("scenario " + id + " needs a title");
        }
    }
}
