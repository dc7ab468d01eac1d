package smos.console;

/** What every console page's frame shows: its title and who is signed in. */
public record Layout(String title, Visitor visitor) {
}
