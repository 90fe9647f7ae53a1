;;; argmap-mode.el --- Major mode for .argmap argument maps  -*- lexical-binding: t; -*-

;; For Emacs 28 with eglot installed (Debian 12: the elpa-eglot package; elsewhere
;; M-x package-install RET eglot) and Emacs 29 or newer, which has eglot built in.
;; In your init file:
;;
;;   (add-to-list 'load-path "/path/to/argmap/editors/emacs")
;;   (require 'argmap-mode)
;;   (add-hook 'argmap-mode-hook #'eglot-ensure)
;;
;; `argmap' must be on Emacs's `exec-path' (or change the command below).

;;; Code:

(defconst argmap-font-lock-keywords
  `(("^[ \t]*//.*$" . font-lock-comment-face)
    ("^#\\{1,6\\}[ \t].*$" . font-lock-function-name-face)
    ("^\\(actor\\|source\\)[ \t]+\\([[:alpha:]_][[:alnum:]_-]*\\)"
     (1 font-lock-keyword-face) (2 font-lock-variable-name-face))
    ("^include\\_>" . font-lock-keyword-face)
    ("^[ \t]*\\(><\\|[+]>\\|->\\|_>\\|<[+]\\|<-\\|[-+_=&]\\)[ \t]" 1 font-lock-keyword-face)
    ("\\_<\\(evidence\\|question\\)\\_>[ \t]*[[:]" 1 font-lock-keyword-face)
    ("\\[\\(?:[^]\\\n]\\|\\\\.\\)+\\]\\|<\\(?:[^>\\\n]\\|\\\\.\\)+>" . font-lock-type-face)
    ("\\(?:^\\|[ \t]\\)\\(@[[:alpha:]_][[:alnum:]_-]*\\)" 1 font-lock-variable-name-face)
    ("\\(?:^\\|[ \t]\\)\\(\\^[[:alpha:]_][[:alnum:]_-]*\\)" 1 font-lock-constant-face)
    ("\\(?:^\\|[ \t]\\)\\(#[[:alnum:]_-]+\\|#([^)\n]*)\\)" 1 font-lock-builtin-face))
  "What `argmap-mode' highlights, one line at a time.
The constructs of argmap's Pygments lexer (argmap/language/highlight.py).")

;;;###autoload
(define-derived-mode argmap-mode prog-mode "Argmap"
  "Major mode for .argmap argument maps.
With `eglot', it gets the argmap language server (`argmap lsp')."
  (setq-local comment-start "// ")
  (setq-local comment-start-skip "//+[ \t]*")
  (setq-local indent-tabs-mode nil)
  (setq-local tab-width 2)
  ;; keywords only: quotes and slashes in a node's text start no string or comment
  (setq-local font-lock-defaults '(argmap-font-lock-keywords t)))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.argmap\\'" . argmap-mode))

(defvar eglot-server-programs)

;;;###autoload
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs '(argmap-mode . ("argmap" "lsp"))))

(provide 'argmap-mode)

;;; argmap-mode.el ends here
