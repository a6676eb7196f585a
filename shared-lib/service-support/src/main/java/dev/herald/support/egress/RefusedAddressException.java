package dev.herald.support.egress;

import java.net.UnknownHostException;

/**
 * A host that resolves to an address the egress guard refuses. An {@link UnknownHostException}, so an HTTP
 * client resolving through the guard fails the call exactly as for a name that does not resolve.
 */
public class RefusedAddressException extends UnknownHostException {

    public RefusedAddressException(String message) {
        super(message);
    }
}
