package org.entente.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How serve picks the address links start with when it is bound to every interface. */
class PublicUrlTest {
  @Test
  void onEveryInterfaceTheLanAddressIsChosenOrTheLackOfOneIsSaid() {
    PublicUrl.Chosen c = PublicUrl.choose("0.0.0.0", 7470);
    var lan = PublicUrl.lanAddresses();
    if (lan.isEmpty()) {
      assertThat(c.url()).isEqualTo("http://127.0.0.1:7470/");
      assertThat(c.why()).contains("no LAN address found", "--public-url");
    } else {
      assertThat(c.url()).isEqualTo("http://" + lan.get(0).getHostAddress() + ":7470/");
      assertThat(lan.get(0).isSiteLocalAddress()).isTrue();
      assertThat(c.why()).contains("LAN address");
    }
    assertThat(PublicUrl.choose("0.0.0.0", -1).url()).isNull();
  }

  @Test
  void aPublicUrlIsCheckedAndEndsWithASlash() {
    assertThat(PublicUrl.problem("http://10.0.0.5:7470")).isNull();
    assertThat(PublicUrl.problem("https://war.example.edu/a/b/")).isNull();
    assertThat(PublicUrl.problem("war.example.edu")).contains("http:// or https://");
    assertThat(PublicUrl.problem("http://x.example/?a=1")).contains("no query or fragment");
    assertThat(PublicUrl.problem("http://bad host/")).contains("is not a URL");
    assertThat(PublicUrl.normalize("http://10.0.0.5:7470")).isEqualTo("http://10.0.0.5:7470/");
  }
}
