package dev.weft.web;

/**
 * A web app packaged as a class: what {@code weft serve --app CLASS} loads (it needs a public no-arg
 * constructor) and what {@link Web#routes(WebApp)} adds. The bundled demo site is one of these.
 */
@FunctionalInterface
public interface WebApp {

    /**
     * Adds this app's routes, filters, templates and static files to {@code web}; may open the app's
     * {@link Web#database()} and set up its tables. An exception here stops the app from starting.
     */
    void routes(Web web) throws Exception;

    /**
     * Creates the app class {@code className} from {@code loader} with its public no-arg constructor:
     * how {@code weft serve --app CLASS} finds a user's app.
     *
     * @throws IllegalArgumentException with a one-line message naming the class and what is wrong with it
     */
    static WebApp load(String className, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("no app class " + className + " on the class path", e);
        }
        if (!WebApp.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(className + " does not implement " + WebApp.class.getName());
        }
        try {
            return (WebApp) type.getConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalArgumentException(className + " needs a public no-arg constructor", e);
        } catch (InstantiationException e) {
            throw new IllegalArgumentException(className + " is abstract and cannot be created", e);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalArgumentException("creating " + className + " failed: " + e.getCause(), e.getCause());
        }
    }
}
