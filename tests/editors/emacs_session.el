;;; emacs_session.el --- a scripted editing session in real Emacs  -*- lexical-binding: t; -*-

;; For tests/test_editor_emacs.py. Run as
;;   emacs --batch --eval INIT -l emacs_session.el
;; where INIT loads argmap-mode and turns eglot on (the init snippet of docs/editors.md), with
;; ARGMAP_SESSION naming the JSON plan of tests/editor_session.py plus "map" (the file to open)
;; and "faces" (positions whose face to report). Lines and columns are 0-based. It writes what
;; it saw to the plan's "result": one entry a step, {ok: false, error: ...} for a failed step
;; (the steps after it are not run), and quits. Emacs 28 with eglot 1.9, and newer.

;;; Code:

(require 'cl-lib)
(require 'json)
(require 'subr-x)

(defvar argmap-session-plan
  (let ((json-object-type 'alist) (json-array-type 'list) (json-key-type 'symbol))
    (json-read-file (getenv "ARGMAP_SESSION"))))

(defun argmap-session--plan (&rest keys)
  "The plan's value at KEYS."
  (let ((value argmap-session-plan))
    (dolist (key keys value)
      (setq value (alist-get key value)))))

(defvar argmap-session-timeout (argmap-session--plan 'timeout))
(defvar argmap-session-steps nil "What each step saw, an alist, the last step first.")
(defvar argmap-session-failed nil "Whether a step has failed.")
(defvar argmap-session-buffer nil "The map's buffer.")

(defun argmap-session--idle ()
  "Run the idle timers as the command loop does when the user pauses.
A batch Emacs has no command loop: eglot's didChange, flymake's start and the
like would never run."
  (dolist (timer (copy-sequence timer-idle-list))
    (timer-event-handler timer)))

(defun argmap-session--wait (what condition)
  "Wait until CONDITION returns non-nil, or fail saying WHAT was awaited."
  (let ((deadline (+ (float-time) argmap-session-timeout)))
    (while (not (funcall condition))
      (when (> (float-time) deadline)
        (error "Timed out after %s s waiting for %s" argmap-session-timeout what))
      (accept-process-output nil 0.02)
      (argmap-session--idle))))

(defun argmap-session--step (name run)
  "Record what RUN returns as step NAME (its error if it fails)."
  (unless argmap-session-failed
    (with-current-buffer argmap-session-buffer
      (push (cons name
                  (condition-case err
                      `((ok . t) (value . ,(funcall run)))
                    (error (setq argmap-session-failed t)
                           `((ok . :json-false) (error . ,(error-message-string err))))))
            argmap-session-steps))))

(defun argmap-session--go-to (at)
  "Move point to AT, an alist of a 0-based line and column."
  (goto-char (point-min))
  (forward-line (alist-get 'line at))
  (forward-char (alist-get 'col at)))

(defun argmap-session--line ()
  "The 0-based line of point."
  (1- (line-number-at-pos)))

(defun argmap-session--lines ()
  "The buffer's lines (without the empty one after the last newline)."
  (vconcat (split-string (string-remove-suffix "\n" (buffer-string)) "\n")))

(defun argmap-session--diagnostics ()
  "Flymake's diagnostics in the buffer: line, code, message."
  (vconcat
   (mapcar (lambda (d)
             (let ((lsp (alist-get 'eglot-lsp-diag (flymake-diagnostic-data d))))
               `((line . ,(save-excursion (goto-char (flymake-diagnostic-beg d))
                                          (argmap-session--line)))
                 (code . ,(plist-get lsp :code))
                 (message . ,(flymake-diagnostic-text d)))))
           (flymake-diagnostics))))

(defun argmap-session--has-code (code)
  "Whether flymake has a diagnostic with CODE."
  (cl-some (lambda (d) (equal (alist-get 'code d) code)) (argmap-session--diagnostics)))

(defun argmap-session--run ()
  "The session's steps."
  (argmap-session--step
   "attach"
   (lambda ()
     (run-hooks 'post-command-hook) ; where eglot-ensure connects, after the command that opened the file
     (argmap-session--wait "eglot to manage the buffer" (lambda () (eglot-managed-p)))
     (let ((program (seq-some (lambda (process) ; the server eglot started, by its command
                                (let ((command (process-command process)))
                                  (and (member "lsp" command) (file-name-nondirectory (car command)))))
                              (process-list))))
       `((name . ,program)
         (mode . ,(symbol-name major-mode))
         (root_dir . ,(directory-file-name (expand-file-name (project-root (project-current)))))
         (commentstring . ,comment-start)
         ;; eglot asks for Markdown hovers only when markdown-mode is there to show them
         (markdown . ,(if (fboundp 'gfm-view-mode) t :json-false))))))
  (argmap-session--step
   "faces"
   (lambda ()
     (font-lock-ensure)
     (vconcat (mapcar (lambda (at)
                        (argmap-session--go-to at)
                        (let ((face (get-text-property (point) 'face)))
                          (format "%s" (if (consp face) (car face) face))))
                      (argmap-session--plan 'faces)))))
  (argmap-session--step
   "diagnostics"
   (lambda ()
     (argmap-session--wait "flymake's first diagnostics" (lambda () (flymake-diagnostics)))
     (argmap-session--diagnostics)))
  (argmap-session--step
   "definition"
   (lambda ()
     (argmap-session--go-to (argmap-session--plan 'definition))
     (xref-find-definitions (xref-backend-identifier-at-point (xref-find-backend)))
     `((line . ,(argmap-session--line)) (col . ,(current-column)))))
  (argmap-session--step
   "hover"
   (lambda ()
     (argmap-session--go-to (argmap-session--plan 'hover))
     (let (docs)
       (run-hook-wrapped 'eldoc-documentation-functions
                         (lambda (function)
                           (let ((now (funcall function (lambda (doc &rest _) (when doc (push doc docs))))))
                             (when (stringp now) (push now docs)))
                           nil))
       (argmap-session--wait "eldoc's hover text" (lambda () docs))
       (vconcat (split-string (substring-no-properties (string-join docs "\n")) "\n")))))
  (argmap-session--step
   "completion"
   (lambda ()
     (argmap-session--go-to (argmap-session--plan 'completion))
     (pcase-let ((`(,start ,_end ,table . ,_)
                  (run-hook-wrapped 'completion-at-point-functions
                                    (lambda (capf) (and (functionp capf) (funcall capf))))))
       (vconcat (all-completions (buffer-substring-no-properties start (point)) table)))))
  (argmap-session--step
   "rename"
   (lambda ()
     (argmap-session--go-to (argmap-session--plan 'rename))
     (eglot-rename (argmap-session--plan 'rename 'to))
     (argmap-session--lines)))
  (argmap-session--step
   "formatting"
   (lambda ()
     (eglot-format-buffer)
     (argmap-session--lines)))
  (argmap-session--step
   "edit"
   (lambda ()
     (goto-char (point-max))
     (insert (argmap-session--plan 'edit_line) "\n")
     (argmap-session--wait "an undefined-node diagnostic after the edit"
                           (lambda () (argmap-session--has-code "undefined-node")))
     (argmap-session--diagnostics)))
  (argmap-session--step
   "undo edit"
   (lambda ()
     (goto-char (point-max))
     (forward-line -1)
     (delete-region (point) (point-max))
     (argmap-session--wait "the undefined-node diagnostic to go"
                           (lambda () (not (argmap-session--has-code "undefined-node"))))
     (argmap-session--diagnostics))))

(defun argmap-session--buffer-text (name)
  "The text of the buffer called NAME, or nil."
  (when-let ((buffer (get-buffer name)))
    (with-current-buffer buffer (buffer-substring-no-properties (point-min) (point-max)))))

(unwind-protect
    (condition-case err
        (progn
          (setq argmap-session-buffer (find-file (argmap-session--plan 'map)))
          (argmap-session--run))
      (error (push (cons "session" `((ok . :json-false) (error . ,(error-message-string err))))
                   argmap-session-steps)))
  (let ((server (and argmap-session-buffer (fboundp 'eglot-current-server)
                     (with-current-buffer argmap-session-buffer (eglot-current-server)))))
    (with-temp-file (argmap-session--plan 'result)
      (insert (json-encode
               `((version . ,emacs-version)
                 (eglot . ,(locate-library "eglot"))
                 (steps . ,(reverse argmap-session-steps))
                 (messages . ,(argmap-session--buffer-text "*Messages*"))
                 (events . ,(and server (with-current-buffer (jsonrpc-events-buffer server)
                                          (buffer-substring-no-properties
                                           (max (point-min) (- (point-max) 6000)) (point-max))))))))))
    (kill-emacs 0)))

;;; emacs_session.el ends here
