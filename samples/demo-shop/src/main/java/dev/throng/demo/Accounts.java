package dev.throng.demo;

/**
 * The test accounts: {@code user0001} to {@code user9999}, the password of {@code userNNNN} being {@code passNNNN}
 * (the rows of {@code samples/data/accounts.csv}). Checked by pattern, no table. Stateless; thread-safe.
 */
final class Accounts {
    private Accounts() {}

    /** True when {@code username} is a test account and {@code password} is its password. */
    static boolean valid(String username, String password) {
        if (username == null || password == null || username.length() != 8 || password.length() != 8) {
            return false;
        }
        if (!username.startsWith("user") || !password.startsWith("pass") || username.endsWith("0000")) {
            return false;
        }
        for (int i = 4; i < 8; i++) {
            char c = username.charAt(i);
            if (c < '0' || c > '9' || password.charAt(i) != c) {
                return false;
            }
        }
        return true;
    }
}
