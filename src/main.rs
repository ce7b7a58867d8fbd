fn main() {
    std::process::exit(twitchcheck::run());
}
