package loomlab.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;

/**
 * The report's texts in one language (English or Spanish), from the resource bundle files
 * {@code loomlab/check/messages.properties} and {@code messages_es.properties} (UTF-8). Placeholders are {@code {0}}, {@code {1}}, ...,
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

    /** One bundle file per language, read directly: no lookup by locale, no fallback to another language. */
    private static final String ENGLISH = "/loomlab/check/messages.properties";
    private static final String SPANISH = "/loomlab/check/messages_es.properties";

    private final Lang lang;
    private final ResourceBundle bundle;

    private Messages(Lang lang, ResourceBundle bundle) {
        this.lang = lang;
        this.bundle = bundle;
    }

    public static Messages of(Lang lang) {
        // Not ResourceBundle.getBundle: its lookup falls back to the default locale (--lang en on a
        // Spanish machine would give Spanish), and a native image handles a plain resource best.
        String file = lang == Lang.ES ? SPANISH : ENGLISH;
        try (InputStream in = Messages.class.getResourceAsStream(file)) {
            if (in == null) throw new IllegalStateException(file + " is missing from the build");
            return new Messages(lang, new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
