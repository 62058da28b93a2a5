package liaison.constituency;

import liaison.rpsl.RpslObject;

/**
 * An RPSL object as the index holds it.
 *
 * @param object       the object as loaded
 * @param dataset      the dataset it came from
 * @param abuseMailbox for inetnum, inet6num and aut-num objects the abuse mailbox by RIPE's rule, else null
 */
public record IndexedObject(RpslObject object, String dataset, String abuseMailbox) {
}
