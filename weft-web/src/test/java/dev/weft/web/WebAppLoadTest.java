package dev.weft.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.weft.web.demo.DemoSite;

/** Loading an app class by name, as {@code weft serve --app CLASS} does: one-line errors for wrong classes. */
class WebAppLoadTest {

    private static final ClassLoader LOADER = WebAppLoadTest.class.getClassLoader();

    /** Not an app: no public no-arg constructor. */
    public static final class NeedsArgument implements WebApp {
        public NeedsArgument(String argument) {
        }

        @Override
        public void routes(Web web) {
        }
    }

    @Test
    void appClassIsCreatedWithItsNoArgConstructor() {
        assertThat(WebApp.load(DemoSite.class.getName(), LOADER)).isInstanceOf(DemoSite.class);
    }

    @Test
    void missingClassIsNamed() {
        assertThatThrownBy(() -> WebApp.load("com.example.Missing", LOADER))
                .hasMessage("no app class com.example.Missing on the class path");
    }

    @Test
    void classThatIsNotAnAppIsNamed() {
        assertThatThrownBy(() -> WebApp.load("java.lang.String", LOADER))
                .hasMessage("java.lang.String does not implement dev.weft.web.WebApp");
    }

    @Test
    void appWithoutNoArgConstructorIsNamed() {
        assertThatThrownBy(() -> WebApp.load(NeedsArgument.class.getName(), LOADER))
                .hasMessage(NeedsArgument.class.getName() + " needs a public no-arg constructor");
    }
}
