package loomlab.check;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The report's texts in one language (English or Spanish), from the resource bundle
 * {@code loomlab/check/messages*.properties}. Placeholders are {@code {0}}, {@code {1}}, ...,
 * replaced literally (no MessageFormat rules: an apostrophe is just an apostrophe).
 */
public final class Messages {

    /** The languages there are texts for. */
    public enum Lang {
        EN, ES;

        /** Spanish when the locale's language is Spanish, otherwise English. */
        public static Lang fromLocale(Locale locale) {
            return "es".equals(locale.getLanguage()) ? ES : EN;
        }

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final String BUNDLE = "loomlab.check.messages";

    private final Lang lang;
    private final ResourceBundle bundle;

    private Messages(Lang lang, ResourceBundle bundle) {
        this.lang = lang;
        this.bundle = bundle;
    }

    public static Messages of(Lang lang) {
        // No fallback to the default locale: --lang en on a Spanish machine must give English.
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(lang.tag()),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Messages(lang, bundle);
    }

    public Lang lang() {
        return lang;
    }

    /** The text for {@code key} with {@code {i}} replaced by {@code args[i]}. */
    public String get(String key, Object... args) {
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no text for " + key + " in the " + lang.tag() + " messages", e);
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }
}
