// Reading aloud with espeak-ng, offline, on a thread of its own, so the window never waits for a
// voice: say() and stop() only leave a request and return.
#pragma once
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace bran {

// The speaker's thread runs this much nicer than the window's (see Speaker::run).
constexpr int speech_thread_niceness = 10;

class Speaker {
public:
    enum class Output {
        automatic,  // play through the sound device if there is one, else synthesize silently
        playback,   // espeak-ng's own playback (pcaudiolib: PulseAudio or ALSA)
        silent,     // synthesize at the pace of speech, and drop the sound: for machines with no
                    // sound device (CI, Xvfb) and tests
    };

    // on_finished runs on the speaker's thread whenever speaking() turns false (finished,
    // stopped or replaced by nothing); keep it short, e.g. glfwPostEmptyEvent to wake the window.
    explicit Speaker(std::function<void()> on_finished = nullptr, Output output = Output::automatic);
    ~Speaker();
    Speaker(const Speaker&) = delete;
    Speaker& operator=(const Speaker&) = delete;

    // Replaces whatever is being said: the current utterance stops at once and this one starts.
    // locale is a bran locale tag ("en-GB", "cy"); returns without waiting for the voice.
    void say(std::string text, std::string locale);
    void stop();
    // True from say() until the words have been spoken, or stop() has taken effect.
    bool speaking() const;
    // How this speaker sounds: playback or silent (automatic is resolved when it is made).
    Output output() const { return m_output; }

    // Whether a sound device looks usable: a PulseAudio server or an ALSA playback device.
    // BRAN_SPEECH_OUTPUT=silent or =playback in the environment overrides the guess.
    static bool sound_device_present();

    // The whole text as 16-bit mono samples, with no playback (for tests and files). Waits while
    // another caller uses espeak-ng. Throws LibraryError when espeak-ng or its data cannot be loaded.
    static std::vector<short> synthesize(const std::string& text, const std::string& locale, int& sample_rate);
    // A 16-bit mono PCM WAV file. Throws IoError when it cannot be written.
    static void write_wav(const std::string& path, const std::vector<short>& samples, int sample_rate);

private:
    struct Request {
        bool stop = false;
        std::string text;
        std::string locale;
    };

    void run();
    void speak_silently(const Request& request);
    void speak_aloud(const Request& request, std::unique_lock<std::mutex>& lock);

    std::function<void()> m_on_finished;
    Output m_output;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::optional<Request> m_pending;  // the latest request not yet taken; a newer one replaces it
    bool m_active = false;             // the worker is speaking a request it took
    bool m_quit = false;
    std::atomic<bool> m_abort{false};  // checked by the synthesis callback: stop this utterance now
    std::thread m_worker;
};

}  // namespace bran
