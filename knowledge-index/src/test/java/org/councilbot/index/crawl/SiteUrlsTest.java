package org.councilbot.index.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SiteUrlsTest {
    private static final URI PAGE = URI.create("https://www.eastbrook.gov.uk/bins/collection-days");
    private final SiteUrls site = new SiteUrls(URI.create("https://www.eastbrook.gov.uk/residents"));

    private static Optional<String> normal(String href) {
        return SiteUrls.normalise(PAGE, href).map(URI::toString);
    }

    @Test
    void gives_one_form_to_the_ways_a_page_can_be_linked() {
        assertThat(normal("missed-bin#report")).hasValue("https://www.eastbrook.gov.uk/bins/missed-bin");
        assertThat(normal("../council-tax/./pay")).hasValue("https://www.eastbrook.gov.uk/council-tax/pay");
        assertThat(normal("HTTPS://WWW.Eastbrook.GOV.uk:443")).hasValue("https://www.eastbrook.gov.uk/");
        assertThat(normal("http://www.eastbrook.gov.uk:80/a")).hasValue("http://www.eastbrook.gov.uk/a");
        assertThat(normal("/parking?utm_source=news&zone=b&fbclid=x")).hasValue("https://www.eastbrook.gov.uk/parking?zone=b");
        assertThat(normal("/parking?utm_campaign=x")).hasValue("https://www.eastbrook.gov.uk/parking");
        assertThat(normal("/caf%c3%a9")).hasValue("https://www.eastbrook.gov.uk/caf%C3%A9");
        assertThat(normal(" /planning applications|2024 ")).hasValue(
                "https://www.eastbrook.gov.uk/planning%20applications%7C2024");
        assertThat(normal("/café")).hasValue("https://www.eastbrook.gov.uk/caf%C3%A9");
        assertThat(SiteUrls.normalise(URI.create("https://x.gov.uk"), "sitemap.xml")).hasValue(
                URI.create("https://x.gov.uk/sitemap.xml"));
    }

    @Test
    void drops_what_is_not_a_web_address() {
        assertThat(normal("mailto:bins@eastbrook.gov.uk")).isEmpty();
        assertThat(normal("tel:+441234567890")).isEmpty();
        assertThat(normal("javascript:void(0)")).isEmpty();
        assertThat(normal("#top")).isEmpty();
        assertThat(normal("")).isEmpty();
        assertThat(normal("ftp://files.eastbrook.gov.uk/x")).isEmpty();
        assertThat(normal("http://[broken")).isEmpty();
    }

    @Test
    void keeps_to_one_scheme_host_and_port() {
        assertThat(site.onSite(URI.create("https://www.eastbrook.gov.uk/anything"))).isTrue();
        assertThat(site.onSite(URI.create("http://www.eastbrook.gov.uk/anything"))).isFalse();
        assertThat(site.onSite(URI.create("https://eastbrook.gov.uk/anything"))).isFalse();
        assertThat(site.onSite(URI.create("https://www.eastbrook.gov.uk:8443/anything"))).isFalse();
        assertThat(site.at("/robots.txt")).hasToString("https://www.eastbrook.gov.uk/robots.txt");
    }

    @Test
    void tells_what_is_not_worth_fetching_as_a_council_page() {
        assertThat(SiteUrls.notContent(URI.create("https://x.gov.uk/account/sign-in"))).hasValue(
                "an account page (sign in or out)");
        assertThat(SiteUrls.notContent(URI.create("https://x.gov.uk/Logout"))).isPresent();
        assertThat(SiteUrls.notContent(URI.create("https://x.gov.uk/search?q=bins"))).hasValue("a search results page");
        assertThat(SiteUrls.notContent(URI.create("https://x.gov.uk/site-search/results?term=tax"))).isPresent();
        assertThat(SiteUrls.notContent(URI.create("https://x.gov.uk/news?keywords=bins"))).isPresent();
        assertThat(SiteUrls.notContent(URI.create("https://x.gov.uk/events?month=5&year=2024&type=all"))).hasValue(
                "a listing with 3 query parameters (filtered or sorted variants of a page)");
        assertThat(SiteUrls.notContent(URI.create("https://x.gov.uk/files/map.PNG"))).hasValue(
                "a .png file, which cannot be indexed");
        assertThat(SiteUrls.notContent(URI.create("https://x.gov.uk/files/budget.xlsx"))).isPresent();
        assertThat(SiteUrls.notContent(URI.create("https://x.gov.uk/" + "a".repeat(2001)))).hasValue(
                "address longer than 2000 characters");
    }

    @Test
    void lets_ordinary_council_pages_through() {
        assertThat(SiteUrls.notContent(URI.create("https://x.gov.uk/"))).isEmpty();
        assertThat(SiteUrls.notContent(URI.create("https://x.gov.uk/bins/collection-days"))).isEmpty();
        assertThat(SiteUrls.notContent(URI.create("https://x.gov.uk/article.aspx?id=123"))).isEmpty();
        assertThat(SiteUrls.notContent(URI.create("https://x.gov.uk/news?page=2&year=2024"))).isEmpty();
        assertThat(SiteUrls.notContent(URI.create("https://x.gov.uk/docs/budget.pdf"))).isEmpty();
        assertThat(SiteUrls.notContent(URI.create("https://x.gov.uk/search-for-a-planning-application"))).isEmpty();
        assertThat(SiteUrls.notContent(URI.create("https://x.gov.uk/elections/register-to-vote"))).isEmpty();
    }

    @Test
    void matches_robots_rules_against_the_path_and_query_as_sent() {
        assertThat(SiteUrls.pathAndQuery(URI.create("https://x.gov.uk"))).isEqualTo("/");
        assertThat(SiteUrls.pathAndQuery(URI.create("https://x.gov.uk/a%20b?c=d"))).isEqualTo("/a%20b?c=d");
    }
}
