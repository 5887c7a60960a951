package org.councilbot.index.crawl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.councilbot.index.TestPdfs;

/**
 * A small council site for crawl tests: nine pages and a PDF, and around them what real sites
 * have: a robots.txt with groups for other crawlers, redirects within and off the site, a dead
 * link, a private area, a search link, an image, a zip served without an extension, two huge
 * pages, a page asking not to be indexed and links that are not web addresses.
 */
final class EastbrookSite {
    /** Pages a crawl of the site saves, besides {@code /contact} (which only links lead to). */
    static final List<String> SAVED = List.of("/", "/bins/collection-days", "/bins/missed-bin", "/council-tax/pay",
            "/council-tax/discounts", "/parking/permits", "/libraries/opening-hours", "/docs/recycling-guide.pdf");
    static final long DECLARED_HUGE = 50L * 1024 * 1024;

    private EastbrookSite() {
    }

    /** Serves the site without a sitemap: crawlers must follow links. {@code elsewhere} is another site it links to. */
    static void withoutSitemap(TestSite site, TestSite elsewhere) throws IOException {
        site.put("/robots.txt", text(robots()));
        pages(site, elsewhere);
    }

    /** Serves the site with a sitemap index (named in robots.txt) of a sitemap and a gzipped sitemap. */
    static void withSitemaps(TestSite site, TestSite elsewhere) throws IOException {
        String base = site.base();
        site.put("/robots.txt", text(robots() + "\nSitemap: " + base + "/sitemap-index.xml\n"));
        site.put("/sitemap-index.xml", xml("""
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>%1$s/sitemaps/pages.xml</loc></sitemap>
                  <sitemap><loc>%1$s/sitemaps/documents.xml.gz</loc><lastmod>2025-06-01</lastmod></sitemap>
                </sitemapindex>
                """.formatted(base).getBytes(StandardCharsets.UTF_8)));
        site.put("/sitemaps/pages.xml", xml("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>%1$s/</loc></url>
                  <url><loc>%1$s/bins/collection-days</loc><lastmod>2025-06-01</lastmod></url>
                  <url><loc>%1$s/bins/missed-bin</loc></url>
                  <url><loc>%1$s/council-tax/pay</loc></url>
                  <url><loc>%1$s/council-tax/discounts</loc></url>
                  <url><loc>%1$s/old-parking</loc></url>
                  <url><loc>%1$s/libraries</loc></url>
                  <url><loc>%1$s/private/staff-rota</loc></url>
                  <url><loc>%1$s/news/old-story</loc></url>
                  <url><loc>%2$s/partner</loc></url>
                </urlset>
                """.formatted(base, elsewhere.base()).getBytes(StandardCharsets.UTF_8)));
        site.put("/sitemaps/documents.xml.gz", TestSite.document("application/gzip", TestSite.gzip("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>%s/docs/recycling-guide.pdf</loc></url>
                </urlset>
                """.formatted(base)), false));
        pages(site, elsewhere);
    }

    /**
     * The group for "*" shuts out /bins/ and /parking/, so a crawler that picks the wrong group
     * misses pages; councilbot shares a group with another crawler.
     */
    static String robots() {
        return """
                # Eastbrook Council
                User-agent: *
                Disallow: /bins/
                Disallow: /parking/

                User-agent: OtherBot
                User-agent: CouncilBot
                Disallow: /private/
                Allow: /private/public-notices
                Disallow: /*.php$
                """;
    }

    static String home(TestSite elsewhere, boolean withDiscounts) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><title>Eastbrook Council</title></head><body>
                <header class="site-header"><nav><a href="/">Home</a> <a href="/contact">Contact us</a></nav></header>
                <main><h1>Eastbrook Council</h1>
                <p>Services for Eastbrook residents.</p>
                <ul>
                <li><a href="/bins/collection-days">Bin collection days</a></li>
                <li><a href="bins/missed-bin#report">Report a missed bin</a></li>
                <li><a href="/council-tax/pay">Pay council tax</a></li>
                %s
                <li><a href="/old-parking">Parking permits</a></li>
                <li><a href="/parking/permits?utm_source=home">Parking permits again</a></li>
                <li><a href="/libraries">Libraries</a></li>
                <li><a href="/docs/recycling-guide.pdf">Recycling guide (PDF)</a></li>
                <li><a href="/downloads/ward-data">Ward data</a></li>
                <li><a href="/images/ward-map.png">Ward map</a></li>
                <li><a href="/planning/weekly-list">Weekly planning list</a></li>
                <li><a href="/planning/register">Planning register</a></li>
                <li><a href="/private/staff-rota">Staff rota</a></li>
                <li><a href="/search?q=bins">Search</a></li>
                <li><a href="/account/sign-in">Sign in</a></li>
                <li><a href="/news/old-story">An old story</a></li>
                <li><a href="/leaving">Our partners</a></li>
                <li><a href="%s/partner">A partner</a></li>
                <li><a href="/council-tax/draft-changes">Draft changes</a></li>
                <li><a href="mailto:info@eastbrook.gov.uk">Email us</a> <a href="tel:+441234567890">Call us</a>
                    <a href="javascript:void(0)">Menu</a> <a href="#top">Top</a></li>
                </ul></main>
                <footer><a href="/contact">Contact</a></footer></body></html>
                """.formatted(withDiscounts
                ? "<li><a href=\"/council-tax/discounts\">Council tax discounts</a></li>" : "", elsewhere.base());
    }

    static String page(String title, String text) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head><title>%1$s - Eastbrook Council</title></head><body>
                <nav><a href="/">Home</a></nav>
                <main><h1>%1$s</h1><p>%2$s</p><p><a href="/">Back to the home page</a></p></main>
                <footer>Eastbrook Council</footer></body></html>
                """.formatted(title, text);
    }

    private static void pages(TestSite site, TestSite elsewhere) throws IOException {
        site.put("/", TestSite.html(home(elsewhere, true)));
        site.put("/bins/collection-days", TestSite.html(page("Bin collection days", "Recycling (blue bin) is"
                + " collected on Mondays and general waste (green bin) on Thursdays. <a href=\"missed-bin\">Report a"
                + " missed bin</a>.")));
        site.put("/bins/missed-bin", TestSite.html(page("Report a missed bin", "If your bin was not collected,"
                + " report the missed bin within two working days and the crew will return.")));
        site.put("/council-tax/pay", TestSite.htmlWithoutEtag(page("Pay your council tax", "Pay council tax online"
                + " by debit card, or set up a direct debit for the 1st or 15th of the month.")));
        site.put("/council-tax/discounts", TestSite.html(page("Council tax discounts", "If you live alone you can"
                + " get a single person discount of 25 per cent.")));
        site.put("/parking/permits", TestSite.html(page("Parking permits", "A resident parking permit costs"
                + " 60 pounds a year.")));
        site.put("/libraries/opening-hours", TestSite.html(page("Library opening hours", "Eastbrook Library opens"
                + " from 9am to 5pm, Monday to Saturday.")));
        site.put("/contact", TestSite.html(page("Contact us", "Call the contact centre on 01234 567890.")));
        site.put("/council-tax/draft-changes", TestSite.html(page("Draft changes", "Not yet agreed.")
                .replace("<head>", "<head><meta name=\"robots\" content=\"noindex, follow\">")));
        site.put("/private/staff-rota", TestSite.html(page("Staff rota", "Internal only.")));
        site.put("/docs/recycling-guide.pdf", TestSite.document("application/pdf", recyclingGuide(), true));
        site.put("/downloads/ward-data", TestSite.document("application/zip",
                "PK\u0003\u0004 ward data".getBytes(StandardCharsets.ISO_8859_1), true));
        site.put("/images/ward-map.png", TestSite.document("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, true));
        site.put("/planning/weekly-list", TestSite.endless("text/html", 0));
        site.put("/planning/register", TestSite.endless("text/html", DECLARED_HUGE));
        site.put("/old-parking", TestSite.redirect(301, "/parking/permits"));
        site.put("/libraries", TestSite.redirect(302, site.base() + "/libraries/opening-hours"));
        site.put("/leaving", TestSite.redirect(301, elsewhere.base() + "/partner"));
        elsewhere.put("/partner", TestSite.html(page("Partner", "Another organisation.")));
    }

    static byte[] recyclingGuide() throws IOException {
        return TestPdfs.bytes("Recycling guide", "Rinse plastic pots and trays before recycling them.",
                "Take textiles to the clothing bank at the household recycling centre.");
    }

    private static TestSite.Resource text(String body) {
        return TestSite.document("text/plain", body.getBytes(StandardCharsets.UTF_8), false);
    }

    private static TestSite.Resource xml(byte[] body) {
        return TestSite.document("application/xml", body, false);
    }
}
