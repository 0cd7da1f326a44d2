package dev.throng.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalAddressRotationTest {
    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal); // literals are parsed, never looked up
    }

    @Test
    void addressesOfTheTargetsFamilyAreHandedOutInTurn() throws UnknownHostException {
        LocalAddressRotation r = new LocalAddressRotation(List.of(ip("10.0.0.1"), ip("fd00::1"), ip("10.0.0.2")));
        InetAddress v4Target = ip("192.0.2.7");
        InetAddress v6Target = ip("2001:db8::7");

        assertThat(List.of(r.next(v4Target), r.next(v4Target), r.next(v4Target)))
                .containsExactly(ip("10.0.0.1"), ip("10.0.0.2"), ip("10.0.0.1"));
        assertThat(r.next(v6Target)).isEqualTo(ip("fd00::1"));
        assertThat(r.isEmpty()).isFalse();
    }

    @Test
    void noAddressOfTheFamilyLetsTheSystemChoose() throws UnknownHostException {
        LocalAddressRotation r = new LocalAddressRotation(List.of(ip("10.0.0.1")));

        assertThat(r.next(ip("2001:db8::7"))).isNull();
        assertThat(new LocalAddressRotation(List.of()).isEmpty()).isTrue();
    }
}
