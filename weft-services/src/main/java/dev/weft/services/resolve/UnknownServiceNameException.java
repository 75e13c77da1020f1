package dev.weft.services.resolve;

/** A service name that the services table does not know (getservbyname's "service not found"). */
public final class UnknownServiceNameException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String service;

    public UnknownServiceNameException(String service) {
        super("unknown service '" + service + "' (not a port number, not in the services table)");
        this.service = service;
    }

    public String service() {
        return service;
    }
}
