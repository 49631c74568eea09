package source

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"syscall"
	"time"
)

// ErrPrivateAddress: a fetch would reach a loopback, private, link-local
// (cloud metadata) or otherwise internal address. Loading a feed from the
// internet must not read the operator's own network into the graph.
var ErrPrivateAddress = errors.New("refused: internal address (use --allow-private-fetch to allow)")

// sharedAddressSpace is carrier-grade NAT (RFC 6598), internal like the
// private ranges but not in net.IP.IsPrivate.
var sharedAddressSpace = netip.MustParsePrefix("100.64.0.0/10")

// internalAddress says whether ip is one a public fetch must not reach.
func internalAddress(ip netip.Addr) bool {
	ip = ip.Unmap()
	return ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsInterfaceLocalMulticast() || ip.IsMulticast() || ip.IsUnspecified() || sharedAddressSpace.Contains(ip)
}

// refuseInternal is a net.Dialer Control: it runs on the address DNS
// resolved to, just before each connection (every redirect makes one), so
// neither a name that resolves inside nor a redirect gets past it.
func refuseInternal(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: %s", ErrPrivateAddress, address)
	}
	if internalAddress(ap.Addr()) {
		return fmt.Errorf("%w: %s", ErrPrivateAddress, ap.Addr())
	}
	return nil
}

// client is the HTTP client fetches use: s.Client when set, else one that
// refuses internal addresses unless AllowPrivate, with no proxy (a proxy
// would dial for us, past the check).
func (s *Sources) client() *http.Client {
	if s.Client != nil {
		return s.Client
	}
	s.once.Do(func() {
		d := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
		if !s.AllowPrivate {
			d.Control = refuseInternal
		}
		s.defaultClient = &http.Client{Transport: &http.Transport{
			DialContext:         d.DialContext,
			TLSHandshakeTimeout: 10 * time.Second,
			MaxIdleConnsPerHost: 4,
			IdleConnTimeout:     90 * time.Second,
		}}
	})
	return s.defaultClient
}
