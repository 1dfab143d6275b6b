/**
 * An error boundary around one root's tree: a comment that fails to render (a bug, data the widget did not
 * expect) replaces that conversation with a short message instead of blanking the whole thread (issue 11,
 * item 1). A class, since Preact catches render errors only in a component with `componentDidCatch`.
 */
import { Component, type ComponentChildren } from 'preact';

export class Guard extends Component<{ _text: string; children: ComponentChildren }, { _failed?: boolean }> {
  override componentDidCatch(error: unknown) {
    console.error(error); // for the owner, in the console: the reader sees the message
    this.setState({ _failed: true });
  }

  render() {
    return this.state._failed ? (
      <li class="error" role="alert">
        {this.props._text}
      </li>
    ) : (
      this.props.children
    );
  }
}
