/** The client address a request counts against on Node: the shared reading of src/http/middleware/client-address.ts. */
export { forwardedAddress, parseAddress, rateKey } from '../../http/middleware/client-address'
