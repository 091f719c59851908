package io.firebreak.monitoring.watch;

import io.firebreak.monitoring.sentiment.TextFolding;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed watch query, matched against post texts ignoring case and accents.
 *
 * <p>Syntax: words ({@code acme}), phrases ({@code "service client"}), hashtags ({@code #acmefail}) and
 * handles ({@code @acme}); terms side by side or joined by {@code AND} must all appear; {@code OR} between
 * them needs either; {@code -term} or {@code NOT term} excludes; parentheses group. AND binds tighter than
 * OR: {@code acme bank OR acmebank -job} is {@code (acme AND bank) OR (acmebank AND NOT job)}.
 * A word matches the word or the same hashtag ({@code acme} matches "#Acme"); {@code #acme} only the hashtag;
 * a phrase matches its words in a row.
 */
public final class WatchQuery {

    private final Node root;
    private final String text;

    private WatchQuery(Node root, String text) {
        this.root = root;
        this.text = text;
    }

    /** @throws QuerySyntaxException naming the position of the first problem */
    public static WatchQuery parse(String query) {
        if (query == null || query.isBlank()) {
            throw new QuerySyntaxException("The query is empty", 0);
        }
        Parser parser = new Parser(lex(query));
        Node root = parser.or();
        if (!parser.atEnd()) {
            Lexeme unexpected = parser.peek();
            throw new QuerySyntaxException("Unexpected '" + unexpected.text() + "'", unexpected.position());
        }
        return new WatchQuery(root, query);
    }

    public boolean matches(String post) {
        return matches(Post.of(post == null ? "" : post));
    }

    boolean matches(Post post) {
        return root.matches(post);
    }

    @Override
    public String toString() {
        return text;
    }

    // --- the post, cut into folded words, #hashtags and @handles

    record Post(List<String> words, List<String> hashtags, List<String> handles) {

        static Post of(String text) {
            List<String> words = new ArrayList<>();
            List<String> hashtags = new ArrayList<>();
            List<String> handles = new ArrayList<>();
            String folded = TextFolding.fold(text);
            int i = 0;
            while (i < folded.length()) {
                char c = folded.charAt(i);
                if (Character.isLetterOrDigit(c) || (c == '#' || c == '@') && i + 1 < folded.length()
                        && Character.isLetterOrDigit(folded.charAt(i + 1))) {
                    int start = Character.isLetterOrDigit(c) ? i : i + 1;
                    int end = start;
                    while (end < folded.length() && (Character.isLetterOrDigit(folded.charAt(end))
                            || folded.charAt(end) == '_')) {
                        end++;
                    }
                    String word = folded.substring(start, end);
                    (c == '#' ? hashtags : c == '@' ? handles : words).add(word);
                    i = end;
                } else {
                    i++;
                }
            }
            return new Post(words, hashtags, handles);
        }
    }

    // --- the tree

    private interface Node {
        boolean matches(Post post);
    }

    private record Word(String word) implements Node {
        public boolean matches(Post post) {
            return post.words().contains(word) || post.hashtags().contains(word);
        }
    }

    private record Hashtag(String tag) implements Node {
        public boolean matches(Post post) {
            return post.hashtags().contains(tag);
        }
    }

    private record Handle(String handle) implements Node {
        public boolean matches(Post post) {
            return post.handles().contains(handle);
        }
    }

    private record Phrase(List<String> words) implements Node {
        public boolean matches(Post post) {
            return java.util.Collections.indexOfSubList(post.words(), words) >= 0;
        }
    }

    private record Not(Node node) implements Node {
        public boolean matches(Post post) {
            return !node.matches(post);
        }
    }

    private record And(List<Node> nodes) implements Node {
        public boolean matches(Post post) {
            return nodes.stream().allMatch(node -> node.matches(post));
        }
    }

    private record Or(List<Node> nodes) implements Node {
        public boolean matches(Post post) {
            return nodes.stream().anyMatch(node -> node.matches(post));
        }
    }

    // --- lexing and parsing

    private enum Kind { TERM, PHRASE, OPEN, CLOSE, AND, OR, NOT, MINUS }

    private record Lexeme(Kind kind, String text, int position) {
    }

    private static List<Lexeme> lex(String query) {
        List<Lexeme> lexemes = new ArrayList<>();
        int i = 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '“' || c == '”' || c == '«' || c == '»') {
                char close = c == '“' ? '”' : c == '«' ? '»' : c;
                int end = query.indexOf(close, i + 1);
                if (end < 0 || c == '”' || c == '»') {
                    throw new QuerySyntaxException("Unbalanced quote: the phrase opened here is never closed", i);
                }
                lexemes.add(new Lexeme(Kind.PHRASE, query.substring(i + 1, end), i));
                i = end + 1;
            } else if (c == '(') {
                lexemes.add(new Lexeme(Kind.OPEN, "(", i++));
            } else if (c == ')') {
                lexemes.add(new Lexeme(Kind.CLOSE, ")", i++));
            } else if (c == '-' && (lexemes.isEmpty() || i == 0 || Character.isWhitespace(query.charAt(i - 1))
                    || query.charAt(i - 1) == '(')) {
                lexemes.add(new Lexeme(Kind.MINUS, "-", i++));
            } else {
                int start = i;
                while (i < query.length() && !Character.isWhitespace(query.charAt(i))
                        && "()\"“”«»".indexOf(query.charAt(i)) < 0) {
                    i++;
                }
                String term = query.substring(start, i);
                Kind kind = switch (term) {
                    case "AND", "ET" -> Kind.AND;
                    case "OR", "OU" -> Kind.OR;
                    case "NOT" -> Kind.NOT;
                    default -> Kind.TERM;
                };
                lexemes.add(new Lexeme(kind, term, start));
            }
        }
        return lexemes;
    }

    private static final class Parser {

        private final List<Lexeme> lexemes;
        private int next;

        Parser(List<Lexeme> lexemes) {
            this.lexemes = lexemes;
        }

        boolean atEnd() {
            return next >= lexemes.size();
        }

        Lexeme peek() {
            return lexemes.get(next);
        }

        Node or() {
            List<Node> nodes = new ArrayList<>();
            nodes.add(and());
            while (!atEnd() && peek().kind() == Kind.OR) {
                Lexeme or = lexemes.get(next++);
                if (atEnd() || peek().kind() == Kind.CLOSE || peek().kind() == Kind.OR) {
                    throw new QuerySyntaxException("OR needs a term on its right", or.position());
                }
                nodes.add(and());
            }
            return nodes.size() == 1 ? nodes.get(0) : new Or(List.copyOf(nodes));
        }

        Node and() {
            List<Node> nodes = new ArrayList<>();
            nodes.add(unary());
            while (!atEnd() && peek().kind() != Kind.OR && peek().kind() != Kind.CLOSE) {
                if (peek().kind() == Kind.AND) {
                    Lexeme and = lexemes.get(next++);
                    if (atEnd() || peek().kind() == Kind.CLOSE || peek().kind() == Kind.OR) {
                        throw new QuerySyntaxException("AND needs a term on its right", and.position());
                    }
                }
                nodes.add(unary());
            }
            if (nodes.stream().allMatch(node -> node instanceof Not)) {
                throw new QuerySyntaxException("A query cannot only exclude: add a term to look for", 0);
            }
            return nodes.size() == 1 ? nodes.get(0) : new And(List.copyOf(nodes));
        }

        Node unary() {
            if (atEnd()) {
                int position = lexemes.isEmpty() ? 0 : lexemes.get(lexemes.size() - 1).position();
                throw new QuerySyntaxException("A term is missing", position);
            }
            Lexeme lexeme = lexemes.get(next);
            if (lexeme.kind() == Kind.MINUS || lexeme.kind() == Kind.NOT) {
                next++;
                if (atEnd() || peek().kind() == Kind.CLOSE || peek().kind() == Kind.OR || peek().kind() == Kind.AND) {
                    throw new QuerySyntaxException("'" + lexeme.text() + "' needs a term to exclude", lexeme.position());
                }
                return new Not(atom());
            }
            return atom();
        }

        Node atom() {
            Lexeme lexeme = lexemes.get(next++);
            return switch (lexeme.kind()) {
                case OPEN -> {
                    if (!atEnd() && peek().kind() == Kind.CLOSE) {
                        throw new QuerySyntaxException("Empty parentheses", lexeme.position());
                    }
                    Node inner = or();
                    if (atEnd() || peek().kind() != Kind.CLOSE) {
                        throw new QuerySyntaxException("Unbalanced parenthesis: the one opened here is never closed",
                                lexeme.position());
                    }
                    next++;
                    yield inner;
                }
                case PHRASE -> phrase(lexeme);
                case TERM -> term(lexeme);
                case CLOSE -> throw new QuerySyntaxException("Unbalanced parenthesis: nothing to close", lexeme.position());
                default -> throw new QuerySyntaxException("'" + lexeme.text() + "' needs a term before it",
                        lexeme.position());
            };
        }

        private static Node phrase(Lexeme lexeme) {
            List<String> words = Post.of(lexeme.text()).words();
            if (words.isEmpty()) {
                throw new QuerySyntaxException("Empty phrase", lexeme.position());
            }
            return words.size() == 1 ? new Word(words.get(0)) : new Phrase(List.copyOf(words));
        }

        private static Node term(Lexeme lexeme) {
            String text = lexeme.text();
            char first = text.charAt(0);
            String body = TextFolding.fold(first == '#' || first == '@' ? text.substring(1) : text);
            if (body.isEmpty() || !body.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_'
                    || ch == '-' || ch == '\'' || ch == '.')) {
                throw new QuerySyntaxException("'" + text + "' is not a word, #hashtag or @handle", lexeme.position());
            }
            if (first == '#') {
                return new Hashtag(body);
            }
            if (first == '@') {
                return new Handle(body);
            }
            List<String> words = Post.of(body).words();
            if (words.isEmpty()) {
                throw new QuerySyntaxException("'" + text + "' is not a word", lexeme.position());
            }
            // "e-commerce" or "l'oreal": the words in a row, as the post is cut the same way
            return words.size() == 1 ? new Word(words.get(0)) : new Phrase(List.copyOf(words));
        }
    }
}
