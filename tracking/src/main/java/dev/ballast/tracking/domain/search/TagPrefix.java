package dev.ballast.tracking.domain.search;

import java.util.Locale;

/**
 * How MLflow's searches of experiments, registered models and model versions read an
 * identifier's prefix: {@code tag}/{@code tags} name a tag, {@code attribute}/{@code attributes}
 * or none an attribute, anything else is refused. Shared by their {@link FieldResolver}s.
 */
public final class TagPrefix {
    private TagPrefix() {
    }

    /**
     * True for a tag prefix, false for none or an attribute prefix.
     *
     * @param entity what is searched, plural, for the message (for example {@code experiments})
     */
    public static boolean isTag(String prefix, String entity) throws UnknownFieldException {
        if (prefix == null) {
            return false;
        }
        switch (prefix.toLowerCase(Locale.ROOT)) {
            case "tag":
            case "tags":
                return true;
            case "attribute":
            case "attributes":
                return false;
            default:
                throw new UnknownFieldException("invalid entity type '" + prefix + "'; " + entity
                        + " accept attribute and tag (for example name = 'x' or tags.team = 'y')");
        }
    }
}
